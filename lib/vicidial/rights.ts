import type { ClusterApiUser } from "@/lib/cluster/types";
import { CAPABILITIES, notChecked, type Capability, type RightsCheck } from "./connection";

/**
 * The API user's capabilities read from its vicidial_users row instead of probed: the same keys
 * and words as the probe (connection.ts), decided by VICIdial's own rules (contract 1.4, 1.5 and
 * each function's permission query), so the API log gets no ERROR rows for it. Delete rights,
 * which the probe cannot see, are known exactly here.
 */

/** Contract 1.4: a login needs user_level > 6 and active='Y'. */
const canLogIn = (u: ClusterApiUser) => u.user_level > 6 && u.active === "Y";

/** Every permission query: vdc_agent_api_access='1' and active='Y', plus a level. */
const apiAccess = (u: ClusterApiUser, minLevel: number) => u.vdc_agent_api_access === "1" && u.active === "Y" && u.user_level >= minLevel;

/** The permission query of each function (2.2–2.10), and the extra right its delete needs. */
const FUNCTION_RIGHTS: Record<string, { may(u: ClusterApiUser): boolean; mayDelete?(u: ClusterApiUser): boolean }> = {
  add_did: { may: (u) => apiAccess(u, 8) && u.modify_inbound_dids === "1" },
  copy_did: { may: (u) => apiAccess(u, 8) && u.modify_inbound_dids === "1" },
  update_did: { may: (u) => apiAccess(u, 8) && u.modify_inbound_dids === "1", mayDelete: (u) => Number(u.delete_inbound_dids) >= 1 },
  add_phone: { may: (u) => apiAccess(u, 8) && u.ast_admin_access === "1" },
  update_phone: { may: (u) => apiAccess(u, 8) && u.ast_admin_access === "1", mayDelete: (u) => u.ast_delete_phones === "1" },
  add_phone_alias: { may: (u) => apiAccess(u, 8) && u.ast_admin_access === "1" },
  update_phone_alias: { may: (u) => apiAccess(u, 8) && u.ast_admin_access === "1", mayDelete: (u) => u.ast_delete_phones === "1" },
  update_cid_group_entry: { may: (u) => apiAccess(u, 8) && u.modify_campaigns === "1" },
  // user_level > 6: the one function level 7 may use.
  callid_info: { may: (u) => apiAccess(u, 7) && u.view_reports === "1" },
};

/** Contract 1.5: ` {function} ` with a space on each side, or ALL_FUNCTIONS anywhere. */
function functionAllowed(u: ClusterApiUser, apiFunction: string): boolean {
  return u.api_allowed_functions.includes(` ${apiFunction} `) || u.api_allowed_functions.includes("ALL_FUNCTIONS");
}

export function rightsFromDatabase(user: string, row: ClusterApiUser | null): RightsCheck {
  if (!row || !canLogIn(row)) {
    const why = !row
      ? `VICIdial's database has no user ${user}`
      : `VICIdial's database shows user ${row.user} ${row.active !== "Y" ? "is not active" : `has user level ${row.user_level} (7 or more is needed)`}`;
    const message = `The API login cannot work: ${why}`;
    return { credentials: "incorrect", error: { code: "LOGIN_INCORRECT", message }, capabilities: notChecked(message) };
  }
  const capabilities = CAPABILITIES.map(({ key, label, apiFunction, ...rest }): Capability => {
    const rights = FUNCTION_RIGHTS[apiFunction];
    if (!functionAllowed(row, apiFunction)) return { key, label, allowed: false, reason: `${apiFunction} is not in the API user's allowed functions` };
    if (!rights?.may(row)) return { key, label, allowed: false, reason: "the API user lacks the right in VICIdial" };
    if ("deleteRight" in rest && rights.mayDelete && !rights.mayDelete(row)) {
      return { key, label, allowed: false, reason: "the API user lacks the delete right in VICIdial" };
    }
    return { key, label, allowed: true };
  });
  return { credentials: "ok", capabilities };
}
