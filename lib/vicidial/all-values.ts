/**
 * The "any" value of areacode and outbound_cid filters (contract 2.9). Its own module so a
 * browser component that sends it does not bring the whole parameter table along.
 */
export const ALL_VALUES = "---ALL---";
