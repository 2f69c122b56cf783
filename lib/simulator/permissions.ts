// Contract 1.5: api_allowed_functions, the per-function permission queries and the
// admin_viewable_groups / allowed_campaigns visibility filters.
import { sameKey } from "./mysql";
import type { SimulatorState, User, UserGroup } from "./state";

export function functionAllowed(user: User, fn: string): boolean {
  const allowed = user.api_allowed_functions;
  return allowed.includes(` ${fn} `) || allowed.includes("ALL_FUNCTIONS");
}

/** The conditions shared by every permission query: vdc_agent_api_access='1' and active='Y'. */
function apiUser(user: User, minLevel: number): boolean {
  return user.vdc_agent_api_access === "1" && user.active === "Y" && user.user_level >= minLevel;
}

export const may = {
  administerPhones: (u: User) => apiUser(u, 8) && u.ast_admin_access === "1",
  deletePhones: (u: User) => apiUser(u, 8) && u.ast_admin_access === "1" && u.ast_delete_phones === "1",
  modifyDids: (u: User) => apiUser(u, 8) && u.modify_inbound_dids === "1",
  deleteDids: (u: User) => Number(u.delete_inbound_dids) >= 1,
  modifyCampaigns: (u: User) => apiUser(u, 8) && u.modify_campaigns === "1",
  /** `user_level > 6`: callid_info is the one function level 7 may use. */
  viewReports: (u: User) => apiUser(u, 7) && u.view_reports === "1",
};

function groupOf(state: SimulatorState, user: User): UserGroup | undefined {
  return state.userGroups.find((g) => sameKey(g.user_group, user.user_group));
}

/** " G1 G2 -" -> ["G1", "G2"] */
function listedIds(value: string): string[] {
  return value.split(/\s+/).filter((id) => id !== "" && id !== "-");
}

export type RecordVisibility = (recordUserGroup: string) => boolean;

/**
 * DID and CID-group lookups: without --ALL-- only `user_group IN('---ALL---', <listed>)` is
 * visible; an empty value therefore shows only ---ALL--- records.
 */
export function didAndCidVisibility(state: SimulatorState, user: User): RecordVisibility {
  const viewable = groupOf(state, user)?.admin_viewable_groups ?? "";
  if (viewable.includes("--ALL--")) return () => true;
  const groups = ["---ALL---", ...listedIds(viewable)];
  return (recordGroup) => groups.some((g) => sameKey(g, recordGroup));
}

/** update_phone applies the same filter only when the value is longer than 3 characters. */
export function phoneVisibility(state: SimulatorState, user: User): RecordVisibility {
  const viewable = groupOf(state, user)?.admin_viewable_groups ?? "";
  if (viewable.length <= 3 || viewable.includes("--ALL--")) return () => true;
  return didAndCidVisibility(state, user);
}

/** allowed_campaigns: unrestricted when it contains -ALL. */
export function campaignAllowed(state: SimulatorState, user: User, campaignId: string): boolean {
  const allowed = groupOf(state, user)?.allowed_campaigns ?? "";
  return allowed.includes("-ALL") || listedIds(allowed).some((id) => sameKey(id, campaignId));
}
