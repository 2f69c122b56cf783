// Contract 2.9 update_cid_group_entry: INFO, ADD, DELETE and UPDATE of the rows of
// vicidial_campaign_cid_areacodes that belong to a CID group (or a campaign).
import { writeAdminLog, type FunctionContext } from "../context";
import { collate, deleteRows, DuplicateKeyError, fitColumn, lengthBetween, sameKey, strlen } from "../mysql";
import { campaignAllowed, didAndCidVisibility } from "../permissions";
import { errorLine, successLine } from "../responses";
import type { CidGroupEntry } from "../state";

const FN = "update_cid_group_entry";
const ALL = "---ALL---";

/** A visible CID group, else a campaign within allowed_campaigns (2.9 target resolution). */
function targetExists(ctx: FunctionContext, id: string): boolean {
  const { state, apiUser } = ctx;
  const visible = didAndCidVisibility(state, apiUser);
  if (state.cidGroups.some((g) => sameKey(g.cid_group_id, id) && visible(g.user_group))) return true;
  return state.campaigns.some((c) => sameKey(c.campaign_id, id)) && campaignAllowed(state, apiUser, id);
}

/** areacode ---ALL--- means any areacode; an empty or ---ALL--- outbound_cid means any CID. */
function entryMatcher(groupId: string, areacode: string, outboundCid: string) {
  return (row: CidGroupEntry) =>
    sameKey(row.campaign_id, groupId) &&
    (areacode === ALL || sameKey(row.areacode, areacode)) &&
    (outboundCid === "" || outboundCid === ALL || sameKey(row.outbound_cid, outboundCid));
}

/** The exact key, as ADD's duplicate check and the table's unique index compare it. */
function sameEntry(groupId: string, areacode: string, outboundCid: string) {
  return (row: CidGroupEntry) =>
    sameKey(row.campaign_id, groupId) && sameKey(row.areacode, areacode) && sameKey(row.outbound_cid, outboundCid);
}

function info(ctx: FunctionContext, rows: CidGroupEntry[]): string {
  const { p } = ctx;
  const sorted = [...rows].sort((a, b) => collate(a.areacode, b.areacode) || collate(a.outbound_cid, b.outbound_cid));
  // No " - " and no user in this header (2.9); rows are numbered 1..N; '' prints as N.
  let body = `SUCCESS: ${FN} CID GROUP INFO AS FOLLOWS ${p.cid_group_id}|${p.areacode}|${p.outbound_cid}|${sorted.length}\n`;
  sorted.forEach((row, index) => {
    body += `${index + 1}|${row.areacode}|${row.outbound_cid}|${row.active === "" ? "N" : row.active}|${row.cid_description}|${row.call_count_today}\n`;
  });
  return body;
}

function add(ctx: FunctionContext): string {
  const { p, state, user } = ctx;
  if (p.areacode === ALL) {
    return errorLine(FN, "YOU MUST DEFINE AN AREACODE WHEN ADDING AND ENTRY", user, p.cid_group_id, p.areacode);
  }
  // The literal ---ALL--- passes this check and is stored as-is.
  if (strlen(p.outbound_cid) < 4) {
    return errorLine(FN, "YOU MUST DEFINE A CID NUMBER WHEN ADDING AND ENTRY", user, p.cid_group_id, p.outbound_cid);
  }
  if (state.cidGroupEntries.some(sameEntry(p.cid_group_id, p.areacode, p.outbound_cid))) {
    return errorLine(FN, "THIS CID GROUP ENTRY ALREADY EXISTS", user, p.cid_group_id, p.areacode, p.outbound_cid);
  }
  const entry: CidGroupEntry = {
    campaign_id: fitColumn(p.cid_group_id, 20),
    // VARCHAR(5): a 6-9 character areacode passes the checks and is cut here.
    areacode: fitColumn(p.areacode, 5),
    outbound_cid: fitColumn(p.outbound_cid, 20),
    active: p.active === "Y" ? "Y" : "",
    cid_description: fitColumn(p.cid_description, 50),
    call_count_today: 0,
  };
  // The unique key (campaign_id, areacode, outbound_cid) sees the truncated areacode.
  if (state.cidGroupEntries.some(sameEntry(entry.campaign_id, entry.areacode, entry.outbound_cid))) {
    throw new DuplicateKeyError("vicidial_campaign_cid_areacodes", `${entry.campaign_id}-${entry.areacode}-${entry.outbound_cid}`);
  }
  state.cidGroupEntries.push(entry);
  writeAdminLog(ctx, "CIDGROUPS", "ADD", p.cid_group_id, "ADMIN API ADD CID");
  return successLine(FN, "CID GROUP ENTRY HAS BEEN ADDED", user, p.cid_group_id, p.areacode, p.outbound_cid, "1");
}

/** 2.9: the delete and modify log notes carry the rows as they were before the change. */
function entryNotes(rows: CidGroupEntry[]): string {
  return rows.map((r) => `${r.campaign_id}|${r.areacode}|${r.outbound_cid}|${r.active}|${r.cid_description}`).join("\n");
}

function remove(ctx: FunctionContext): string {
  const { p, state, user } = ctx;
  // With areacode=---ALL--- and no outbound_cid this deletes the entire group.
  const before = entryNotes(state.cidGroupEntries.filter(entryMatcher(p.cid_group_id, p.areacode, p.outbound_cid)));
  const deleted = deleteRows(state.cidGroupEntries, entryMatcher(p.cid_group_id, p.areacode, p.outbound_cid));
  writeAdminLog(ctx, "CIDGROUPS", "DELETE", p.cid_group_id, "ADMIN API DELETE CID", before);
  return successLine(FN, "CID GROUP ENTRIES HAVE BEEN DELETED", user, p.cid_group_id, p.areacode, p.outbound_cid, String(deleted));
}

function update(ctx: FunctionContext, rows: CidGroupEntry[]): string {
  const { p, user } = ctx;
  const changes: Partial<CidGroupEntry> = {};
  if (p.active === "Y") changes.active = "Y";
  else if (p.active === "N") changes.active = "";
  // A description can be replaced but never cleared.
  if (p.cid_description !== "") changes.cid_description = fitColumn(p.cid_description, 50);
  if (Object.keys(changes).length === 0) {
    return errorLine(FN, "NO UPDATES WERE DEFINED", user, p.cid_group_id, p.areacode, p.outbound_cid, p.active, p.cid_description);
  }
  const before = entryNotes(rows);
  // MySQL reports changed rows, not matched rows, so a repeated UPDATE reports 0.
  let modified = 0;
  for (const row of rows) {
    const changed = Object.entries(changes).some(([column, value]) => row[column as keyof CidGroupEntry] !== value);
    if (changed) {
      Object.assign(row, changes);
      modified++;
    }
  }
  writeAdminLog(ctx, "CIDGROUPS", "MODIFY", p.cid_group_id, "ADMIN API MODIFY CID", before);
  return successLine(FN, "CID GROUP ENTRIES HAVE BEEN UPDATED", user, p.cid_group_id, p.areacode, p.outbound_cid, String(modified));
}

export function updateCidGroupEntry(ctx: FunctionContext): string {
  const { p, state, user } = ctx;
  if (!lengthBetween(p.cid_group_id, 1, 20) || !lengthBetween(p.stage, 3, 6) || !lengthBetween(p.areacode, 1, 9)) {
    return errorLine(FN, "YOU MUST USE ALL REQUIRED FIELDS", user, p.cid_group_id, p.areacode, p.stage);
  }
  if (!targetExists(ctx, p.cid_group_id)) return errorLine(FN, "CID GROUP DOES NOT EXIST", user, p.cid_group_id);

  // Exact, case-sensitive dispatch; any other stage prints nothing at all.
  if (p.stage === "ADD") return add(ctx);
  if (p.stage !== "INFO" && p.stage !== "DELETE" && p.stage !== "UPDATE") return "";

  const rows = state.cidGroupEntries.filter(entryMatcher(p.cid_group_id, p.areacode, p.outbound_cid));
  if (rows.length === 0) return errorLine(FN, "THIS CID GROUP HAS NO ENTRIES", user, p.cid_group_id);
  if (p.stage === "INFO") return info(ctx, rows);
  if (p.stage === "DELETE") return remove(ctx);
  return update(ctx, rows);
}
