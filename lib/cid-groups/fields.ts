/** A CID group entry's lengths (contract 2.9). Plain data, no zod: the forms import it as it is. */

export const GROUP_ID_MAX = 20;
export const AREACODE_MAX = 5;
export const CID_MIN = 4;
export const CID_MAX = 20;
export const DESCRIPTION_MAX = 50;
