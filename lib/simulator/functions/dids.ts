// Contract 2.6 add_did, 2.7 copy_did and 2.8 update_did.
import { writeAdminLog, type FunctionContext } from "../context";
import { deleteRows, fitColumn, lengthBetween, sameKey, strlen, toUnsignedBigint } from "../mysql";
import { didAndCidVisibility, may } from "../permissions";
import { dashStyle, errorLine, noticeLine, successLine } from "../responses";
import type { SanitizedName } from "../sanitize";
import { didWithDefaults } from "../seed";
import type { Did, SimulatorState } from "../state";

const DID_ROUTES = ["EXTEN", "VOICEMAIL", "AGENT", "PHONE", "IN_GROUP", "CALLMENU", "VMAIL_NO_INST"];
const AGENT_SEARCH_METHODS = ["LO", "LB", "SO"];

interface DidFieldRule {
  param: SanitizedName;
  reason: string;
  valid(value: string, state: SimulatorState): boolean;
  store(value: string): Partial<Did>;
  /** The bad-menu error says update_did in add_did too (a copy-paste in the code, 2.6). */
  functionName?: string;
}

/** 2.6: the 18 optional fields, validated in this order when non-empty (update_did reuses it). */
const DID_FIELD_RULES: DidFieldRule[] = [
  {
    param: "did_description",
    reason: "DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 6, 50),
    store: (v) => ({ did_description: v }),
  },
  {
    param: "active",
    reason: "ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD",
    valid: (v) => v === "Y" || v === "N",
    store: (v) => ({ did_active: v === "Y" ? "Y" : "N" }),
  },
  {
    param: "did_route",
    reason: "DID ROUTE IS NOT VALID, THIS IS AN OPTIONAL FIELD",
    valid: (v) => DID_ROUTES.includes(v),
    store: (v) => ({ did_route: v }),
  },
  {
    param: "record_call",
    reason: "RECORD CALL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD",
    valid: (v) => ["Y", "N", "Y_QUEUESTOP"].includes(v),
    store: (v) => ({ record_call: v }),
  },
  {
    param: "extension",
    reason: "EXTENSION MUST BE FROM 1 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => strlen(v) <= 50,
    store: (v) => ({ extension: v }),
  },
  {
    param: "exten_context",
    reason: "EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => strlen(v) <= 50,
    store: (v) => ({ exten_context: v }),
  },
  {
    param: "voicemail_ext",
    reason: "VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 1, 10),
    store: (v) => ({ voicemail_ext: v }),
  },
  {
    param: "phone_extension",
    reason: "PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 1, 100),
    store: (v) => ({ phone: v }),
  },
  {
    param: "server_ip",
    reason: "SERVER IP MUST BE A VALID SERVER IN THE SYSTEM, THIS IS AN OPTIONAL FIELD",
    valid: (v, state) => state.servers.some((s) => sameKey(s.server_ip, v)),
    store: (v) => ({ server_ip: v }),
  },
  {
    param: "group",
    reason: "GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM, THIS IS AN OPTIONAL FIELD",
    valid: (v, state) => state.inboundGroups.some((g) => sameKey(g.group_id, v)),
    store: (v) => ({ group_id: v }),
  },
  {
    param: "menu_id",
    reason: "MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD",
    valid: (v, state) => state.callMenus.some((m) => sameKey(m.menu_id, v)),
    store: (v) => ({ menu_id: v }),
    functionName: "update_did",
  },
  {
    param: "filter_clean_cid_number",
    reason: "CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 1, 20),
    store: (v) => ({ filter_clean_cid_number: v }),
  },
  {
    param: "call_handle_method",
    reason: "CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 3, 20),
    store: (v) => ({ call_handle_method: v }),
  },
  {
    param: "agent_search_method",
    reason: "AGENT SEARCH METHOD MUST BE 2 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => strlen(v) === 2,
    // Not checked against LO/LB/SO; the ENUM column stores anything else as ''.
    store: (v) => ({ agent_search_method: AGENT_SEARCH_METHODS.includes(v.toUpperCase()) ? v.toUpperCase() : "" }),
  },
  {
    param: "list_id",
    reason: "LIST ID MUST BE FROM 3 TO 14 DIGITS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 3, 14),
    store: (v) => ({ list_id: toUnsignedBigint(v) }),
  },
  {
    param: "entry_list_id",
    reason: "ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 1, 14),
    store: (v) => ({ entry_list_id: toUnsignedBigint(v) }),
  },
  {
    param: "campaign_id",
    reason: "CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 1, 8),
    store: (v) => ({ campaign_id: v }),
  },
  {
    param: "phone_code",
    reason: "PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    valid: (v) => lengthBetween(v, 1, 10),
    store: (v) => ({ phone_code: v }),
  },
];

type FieldValidation = { ok: true; changes: Partial<Did>; given: number } | { ok: false; line: string };

function validateDidFields(ctx: FunctionContext, fn: string): FieldValidation {
  const changes: Partial<Did> = {};
  let given = 0;
  for (const rule of DID_FIELD_RULES) {
    const value = ctx.p[rule.param];
    if (value === "") continue;
    if (!rule.valid(value, ctx.state)) {
      return { ok: false, line: errorLine(rule.functionName ?? fn, rule.reason, ctx.user, value) };
    }
    Object.assign(changes, rule.store(value));
    given++;
  }
  return { ok: true, changes, given };
}

function findDid(state: SimulatorState, pattern: string): Did | undefined {
  return state.dids.find((d) => sameKey(d.did_pattern, pattern));
}

/** The DID visibility filter (1.5) applies to update_did and copy_did's source, not to add_did. */
function findVisibleDid(ctx: FunctionContext, pattern: string): Did | undefined {
  const visible = didAndCidVisibility(ctx.state, ctx.apiUser);
  return ctx.state.dids.find((d) => sameKey(d.did_pattern, pattern) && visible(d.user_group));
}

function nextDidId(state: SimulatorState): number {
  const id = state.nextDidId;
  state.nextDidId += 1;
  return id;
}

export function addDid(ctx: FunctionContext): string {
  const fn = "add_did";
  const { p, state, user } = ctx;
  if (!lengthBetween(p.did_pattern, 2, 50)) return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.did_pattern);
  if (findDid(state, p.did_pattern)) return errorLine(fn, "DID ALREADY EXISTS", user, p.did_pattern);
  const fields = validateDidFields(ctx, fn);
  if (!fields.ok) return fields.line;

  const did: Did = { ...didWithDefaults(nextDidId(state), p.did_pattern), ...fields.changes };
  state.dids.push(did);
  writeAdminLog(ctx, "DIDS", "ADD", String(did.did_id), "ADMIN API ADD DID");
  return successLine(fn, "DID HAS BEEN ADDED", user, p.did_pattern);
}

export function copyDid(ctx: FunctionContext): string {
  const fn = "copy_did";
  const { p, state, user } = ctx;
  if (!lengthBetween(p.source_did_pattern, 2, 50) || !lengthBetween(p.new_dids, 2, 2000)) {
    return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.source_did_pattern, p.new_dids);
  }
  const source = findVisibleDid(ctx, p.source_did_pattern);
  if (!source) return errorLine(fn, "SOURCE DID DOES NOT EXIST", user, p.source_did_pattern);

  let body = "";
  let inserted = 0;
  let alreadyExisted = 0;
  let lastDidId = 0;
  for (const entry of p.new_dids.split(",")) {
    if (findDid(state, entry)) {
      body += dashStyle("NOTICE", fn, "DID ALREADY EXISTS", user, entry);
      alreadyExisted++;
      continue;
    }
    // Checked lazily, per new entry: it may abort half-way, with no final line and no admin log.
    if (p.did_description !== "" && !lengthBetween(p.did_description, 6, 50)) {
      return (
        body +
        errorLine(fn, "DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD", user,
          p.did_description)
      );
    }
    // INSERT IGNORE ... SELECT: a pattern truncated onto an existing one inserts nothing.
    const pattern = fitColumn(entry, 50);
    let didId = 0;
    let rows = 0;
    if (!findDid(state, pattern)) {
      didId = nextDidId(state);
      rows = 1;
      state.dids.push({
        ...source,
        did_id: didId,
        did_pattern: pattern,
        did_description: p.did_description === "" ? source.did_description : p.did_description,
      });
      lastDidId = didId;
    }
    inserted += rows;
    body += dashStyle("NOTICE", fn, "DID HAS BEEN ADDED", user, entry, p.source_did_pattern, String(didId), String(rows));
  }
  writeAdminLog(ctx, "DIDS", "COPY", String(lastDidId), "ADMIN API COPY DIDS");
  const counts = [p.source_did_pattern, String(inserted), String(alreadyExisted)];
  return (
    body +
    (inserted > 0
      ? dashStyle("SUCCESS", fn, "DIDS HAVE BEEN ADDED", user, ...counts)
      : dashStyle("ERROR", fn, "NO DIDS ADDED", user, ...counts))
  );
}

export function updateDid(ctx: FunctionContext): string {
  const fn = "update_did";
  const { p, state, user } = ctx;
  if (!lengthBetween(p.did_pattern, 2, 50)) return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.did_pattern);
  const did = findVisibleDid(ctx, p.did_pattern);
  if (!did) return errorLine(fn, "DID DOES NOT EXIST", user, p.did_pattern);

  if (p.delete_did === "Y") {
    // An ERROR with data 1, unlike update_phone's NOTICE (2.8).
    if (!may.deleteDids(ctx.apiUser)) return errorLine(fn, "USER DOES NOT HAVE PERMISSION TO DELETE DIDS", user, "1");
    deleteRows(state.dids, (d) => sameKey(d.did_pattern, p.did_pattern), 1);
    writeAdminLog(ctx, "DIDS", "DELETE", String(did.did_id), "ADMIN API DELETE DID");
    return successLine(fn, "DID HAS BEEN DELETED", user, p.did_pattern, String(did.did_id));
  }

  const fields = validateDidFields(ctx, fn);
  if (!fields.ok) return fields.line;
  if (fields.given === 0) return noticeLine(fn, "NO UPDATES DEFINED", user, "");
  Object.assign(did, fields.changes);
  writeAdminLog(ctx, "DIDS", "MODIFY", String(did.did_id), "ADMIN API UPDATE DID");
  return successLine(fn, "DID HAS BEEN UPDATED", user, p.did_pattern);
}
