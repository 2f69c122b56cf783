// Contract 2.4 add_phone_alias and 2.5 update_phone_alias.
import { writeAdminLog, type FunctionContext } from "../context";
import { deleteRows, DuplicateKeyError, fitColumn, lengthBetween, sameKey, strlen } from "../mysql";
import { may } from "../permissions";
import { errorLine, noticeLine, successLine } from "../responses";
import type { PhoneAlias, SimulatorState } from "../state";

function findAlias(state: SimulatorState, aliasId: string): PhoneAlias | undefined {
  return state.phoneAliases.find((a) => sameKey(a.alias_id, aliasId));
}

/** Each comma-separated piece must be a phones.login; empty pieces are looked up as ''. */
function firstMissingLogin(state: SimulatorState, phoneLogins: string): string | undefined {
  return phoneLogins.split(",").find((login) => !state.phones.some((ph) => sameKey(ph.login, login)));
}

export function addPhoneAlias(ctx: FunctionContext): string {
  const fn = "add_phone_alias";
  const { p, state, user } = ctx;
  if (strlen(p.alias_id) < 2 || strlen(p.phone_logins) < 2 || strlen(p.alias_name) < 1) {
    return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.alias_id, p.alias_name, p.phone_logins);
  }
  if (findAlias(state, p.alias_id)) return errorLine(fn, "PHONE ALIAS ALREADY EXISTS", user, p.alias_id);
  const missing = firstMissingLogin(state, p.phone_logins);
  if (missing !== undefined) return errorLine(fn, "PHONE DOES NOT EXIST", user, missing);

  const alias: PhoneAlias = {
    alias_id: fitColumn(p.alias_id, 20),
    alias_name: fitColumn(p.alias_name, 50),
    logins_list: fitColumn(p.phone_logins, 255),
    user_group: "---ALL---",
  };
  if (findAlias(state, alias.alias_id)) throw new DuplicateKeyError("phones_alias", alias.alias_id);
  state.phoneAliases.push(alias);
  writeAdminLog(ctx, "PHONEALIASES", "ADD", p.alias_id, "ADMIN API ADD PHONE ALIAS");
  return successLine(fn, "PHONE ALIAS HAS BEEN ADDED", user, p.alias_id, p.alias_name, p.phone_logins);
}

export function updatePhoneAlias(ctx: FunctionContext): string {
  const fn = "update_phone_alias";
  const { p, state, user } = ctx;
  const somethingGiven = strlen(p.phone_logins) >= 2 || strlen(p.alias_name) >= 1 || p.delete_alias !== "";
  if (strlen(p.alias_id) < 2 || !somethingGiven) {
    return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.alias_id, p.alias_name, p.phone_logins);
  }
  const alias = findAlias(state, p.alias_id);
  if (!alias) return errorLine(fn, "PHONE ALIAS DOES NOT EXIST", user, p.alias_id);

  if (p.delete_alias === "Y") {
    if (!may.deletePhones(ctx.apiUser)) {
      return noticeLine(fn, "USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES", user, "0");
    }
    deleteRows(state.phoneAliases, (a) => sameKey(a.alias_id, p.alias_id));
    writeAdminLog(ctx, "PHONEALIASES", "DELETE", p.alias_id, "ADMIN API DELETE PHONE ALIAS");
    return successLine(fn, "PHONE ALIAS HAS BEEN DELETED", user, p.alias_id);
  }

  const changes: Partial<PhoneAlias> = {};
  if (p.alias_name !== "") {
    if (!lengthBetween(p.alias_name, 2, 50)) return errorLine(fn, "YOU MUST USE A VALID ALIAS NAME", user, p.alias_name);
    changes.alias_name = p.alias_name;
  }
  if (strlen(p.phone_logins) > 1) {
    const missing = firstMissingLogin(state, p.phone_logins);
    if (missing !== undefined) return errorLine(fn, "PHONE DOES NOT EXIST", user, missing);
    changes.logins_list = fitColumn(p.phone_logins, 255);
  }
  // For example delete_alias=N alone: nothing is left to change.
  if (Object.keys(changes).length === 0) return noticeLine(fn, "NO UPDATES DEFINED", user, "");
  Object.assign(alias, changes);
  // The code logs alias updates under the phone event code (sic, contract 2.5).
  writeAdminLog(ctx, "PHONEALIASES", "MODIFY", p.alias_id, "ADMIN API UPDATE PHONE");
  return successLine(fn, "PHONE ALIAS HAS BEEN UPDATED", user, p.alias_id, "");
}
