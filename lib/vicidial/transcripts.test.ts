import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CALL_INFO_DELIMITERS, callInfoOperation, parseCallInfoColumns, toCallInfo } from "./calls";
import { addCidEntryOperation, cidGroupInfoOperation, deleteCidEntriesOperation, updateCidEntriesOperation } from "./cid-groups";
import { addDidOperation, copyDidOperation, deleteDidOperation, parseCopyDidLines, updateDidOperation } from "./dids";
import { addPhoneAliasOperation, deletePhoneAliasOperation, updatePhoneAliasOperation } from "./aliases";
import { defineOperation, interpret, interpretServerError, type Operation } from "./operation";
import { addPhoneOperation, deletePhoneOperation, updatePhoneOperation } from "./phones";
import { REDACTED } from "./scrub";
import { versionOperation } from "./version";
import { TRANSCRIPTS_DIR } from "./fixtures/transcripts-dir";

/**
 * Every recorded VICIdial exchange must parse to what it means. The directory is read at test
 * time, so a new recording is checked as soon as it is added (generic checks), and the table
 * below pins the exact outcome of each known one.
 */

interface Transcript {
  name: string;
  request: URLSearchParams;
  body: string;
  /** The fixtures README: HTTP 500 when the name says http500, else 200. */
  status: number;
}

function listTranscripts(dir: string, prefix = ""): Transcript[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      const name = prefix ? `${prefix}/${entry}` : entry;
      if (statSync(full).isDirectory()) return listTranscripts(full, name);
      if (!entry.endsWith(".txt")) return [];
      const text = readFileSync(full, "utf8");
      const separator = text.indexOf("\n---\n");
      if (separator < 0) throw new Error(`${name}: no --- line`);
      return [
        {
          name: name.replace(/\.txt$/, ""),
          request: new URLSearchParams(text.slice(0, separator)),
          body: text.slice(separator + 5),
          status: /http500/i.test(entry) ? 500 : 200,
        },
      ];
    });
}

const anyFunction = (apiFunction: string) =>
  defineOperation<never>({
    apiFunction,
    subject: { thing: "record", things: "records", right: "use this function", changesData: false },
    read: true,
    verdict: "first",
    success: () => undefined,
  });

/** The operation the client would have used to send this request. */
function operationFor(request: URLSearchParams): Operation<unknown> {
  const fn = request.get("function") ?? "";
  const stage = request.get("stage");
  switch (fn) {
    case "version":
      return versionOperation;
    case "add_phone":
      return addPhoneOperation;
    case "update_phone":
      return request.get("delete_phone") === "Y" ? deletePhoneOperation : updatePhoneOperation;
    case "add_phone_alias":
      return addPhoneAliasOperation;
    case "update_phone_alias":
      return request.get("delete_alias") === "Y" ? deletePhoneAliasOperation : updatePhoneAliasOperation;
    case "add_did":
      return addDidOperation;
    case "update_did":
      return request.get("delete_did") === "Y" ? deleteDidOperation : updateDidOperation;
    case "copy_did":
      return copyDidOperation;
    case "update_cid_group_entry":
      return stage === "INFO"
        ? cidGroupInfoOperation
        : stage === "ADD"
          ? addCidEntryOperation
          : stage === "UPDATE"
            ? updateCidEntriesOperation
            : deleteCidEntriesOperation;
    case "callid_info":
      return callInfoOperation;
    default:
      return anyFunction(fn);
  }
}

type Expected = { ok: true; data: unknown } | { ok: false; code: string; field?: string };
const ok = (data: unknown): Expected => ({ ok: true, data });
const fails = (code: string, field?: string): Expected => ({ ok: false, code, field });

const did = (didPattern: string) => ok({ didPattern });
const cidChange = (areacode: string, outboundCid: string) => ok({ cidGroupId: "US_SALES", areacode, outboundCid, count: 1 });
const anyId = expect.any(Number);

const EXPECTED: Record<string, Expected> = {
  "add_did/bad_route": fails("INVALID_FIELD", "did_route"),
  "add_did/duplicate": fails("DID_EXISTS"),
  "add_did/duplicate_upper_case_default": fails("DID_EXISTS"),
  "add_did/post_apostrophe_description_http500": fails("HTTP_ERROR"),
  "add_did/full_exten": did("7275553332"),
  "add_did/in_group": did("7275553333"),
  "add_did/minimal": did("7275550001"),
  "add_did/plus_encoded_2B": did("+17275551212"),
  "add_phone/bad_server": fails("SERVER_NOT_FOUND", "server_ip"),
  "add_phone/duplicate_extension": fails("PHONE_EXISTS"),
  "add_phone/missing_fields": fails("REQUIRED_FIELDS"),
  "add_phone/perm_7777_level7": fails("PERMISSION_DENIED"),
  "add_phone/success": ok({ extension: "55000", serverIp: "10.10.10.15", protocol: "SIP", dialplanNumber: "55000" }),
  "add_phone/success_all_optional": ok({ extension: "55002", serverIp: "10.10.10.15", protocol: "IAX2", dialplanNumber: "55002" }),
  "add_phone/post_apostrophe_full_name": ok({ extension: "55010", serverIp: "10.10.10.15", protocol: "SIP", dialplanNumber: "55010" }),
  "add_phone/post_apostrophe_email_http500": fails("HTTP_ERROR"),
  "add_phone/template_lower_case": ok({ extension: "55010", serverIp: "10.10.10.15", protocol: "SIP", dialplanNumber: "55010" }),
  "add_phone_alias/duplicate": fails("ALIAS_EXISTS"),
  "add_phone_alias/long_id_collision_http500": fails("HTTP_ERROR"),
  "add_phone_alias/phone_missing": fails("PHONE_LOGIN_NOT_FOUND", "phone_logins"),
  "add_phone_alias/success": ok({ aliasId: "ALIAS100", aliasName: "Test Alias", phoneLogins: ["1001", "1002"] }),
  "auth/allowlist_8888_not_allowed": fails("FUNCTION_NOT_ALLOWED"),
  "auth/bad_pass": fails("LOGIN_INCORRECT"),
  "callid_info/found_detail": ok({
    callId: "M2151015000000012345",
    customerTalkSeconds: 90,
    callDate: "2024-11-15 10:15:00",
    phoneNumber: "7275551234",
    callType: "OUTBOUND_MANUAL",
    campaignId: "TESTCAMP",
    listId: "998",
    status: "SALE",
    agentUser: "6666",
  }),
  "callid_info/found_outbound_manual": ok({ call_id: "M2151015000000012345", custtime: "90" }),
  "callid_info/not_found": fails("NOT_FOUND"),
  "callid_info/post_agent_user_stripped_http500": fails("HTTP_ERROR"),
  "callid_info/post_apostrophe_agent_user_http500": fails("HTTP_ERROR"),
  "callid_info/stage_csv_header": ok({ call_id: "M2151015000000012345", custtime: "90" }),
  "callid_info/too_short": fails("INVALID_FIELD", "call_id"),
  "copy_did/several_new": ok({
    sourceDidPattern: "7275550100",
    dids: [
      { pattern: "7275553338", outcome: "added", didId: anyId },
      { pattern: "7275553337", outcome: "added", didId: anyId },
      { pattern: "7275553339", outcome: "added", didId: anyId },
    ],
    added: 3,
    alreadyExisted: 0,
  }),
  "copy_did/some_existing": ok({
    sourceDidPattern: "7275550100",
    dids: [
      { pattern: "7275553338", outcome: "exists" },
      { pattern: "7275553340", outcome: "added", didId: anyId },
    ],
    added: 1,
    alreadyExisted: 1,
  }),
  "copy_did/source_not_found": fails("SOURCE_NOT_FOUND", "source_did_pattern"),
  "copy_did/long_entry_again": fails("NO_DIDS_ADDED"),
  "lockout/A11_bad_pass_LOCK": fails("LOCKED_OUT"),
  "lockout/B21_bad_pass_LOCK": fails("LOCKED_OUT"),
  "lockout/B22_good_pass_LOCK": fails("LOCKED_OUT"),
  "misc/missing_function": fails("UNSUPPORTED_FUNCTION"),
  "update_cid_group_entry/add": cidChange("312", "3125551212"),
  "update_cid_group_entry/add_duplicate": fails("ENTRY_EXISTS"),
  "update_cid_group_entry/add_long_areacode": cidChange("727100", "7275551214"),
  "update_cid_group_entry/add_long_areacode_again_http500": fails("HTTP_ERROR"),
  "update_cid_group_entry/info_long_areacode": fails("NO_ENTRIES"),
  "update_cid_group_entry/info_lower_case_group": ok({
    cidGroupId: "us_sales",
    rows: [{ areacode: "813", outboundCid: "8135552001", active: true, description: "Tampa 813", callCountToday: 12 }],
  }),
  "update_cid_group_entry/post_add_apostrophe_description_http500": fails("HTTP_ERROR"),
  "update_cid_group_entry/delete": cidChange("312", "3125551212"),
  "update_cid_group_entry/group_not_found": fails("NOT_FOUND"),
  "update_cid_group_entry/info_all": ok({
    cidGroupId: "US_SALES",
    rows: [
      { areacode: "727", outboundCid: "7275551001", active: true, description: "Tampa main", callCountToday: 3 },
      { areacode: "727", outboundCid: "7275551002", active: false, description: "Tampa backup", callCountToday: 0 },
      { areacode: "813", outboundCid: "8135552001", active: true, description: "Tampa 813", callCountToday: 12 },
    ],
  }),
  "update_cid_group_entry/no_entries": fails("NO_ENTRIES"),
  "update_cid_group_entry/update_single": cidChange("727", "7275551002"),
  "update_did/delete": ok({ didPattern: "7275553331", didId: anyId }),
  "update_did/no_updates": fails("NO_UPDATES"),
  "update_did/not_found": fails("NOT_FOUND"),
  "update_did/update": did("3125550000"),
  "update_did/post_apostrophe_description_http500": fails("HTTP_ERROR"),
  "update_phone/delete": ok({ extension: "55000", serverIp: "10.10.10.15" }),
  "update_phone/not_found": fails("NOT_FOUND"),
  "update_phone/update": ok({ extension: "55000", serverIp: "10.10.10.15" }),
  "update_phone/post_apostrophe_email_http500": fails("HTTP_ERROR"),
  "update_phone/post_apostrophe_full_name_http500": fails("HTTP_ERROR"),
  "update_phone/upper_case_extension": ok({ extension: "GS102", serverIp: "10.10.10.15" }),
  "update_phone_alias/delete": ok({ aliasId: "ALIAS100" }),
  "update_phone_alias/not_found": fails("NOT_FOUND"),
  "update_phone_alias/update": ok({ aliasId: "ALIAS100" }),
  "update_phone_alias/post_apostrophe_name_http500": fails("HTTP_ERROR"),
  "version/success": ok({
    version: "2.14-194",
    build: "241004-1518",
    serverTime: "2026-11-22 05:24:07",
    epoch: 1795325047,
    dst: false,
    timeZone: "-5.00",
    timeZoneNow: "-5.00",
  }),
};

/** callid_info in a format other than the client's own (short, csv...): read the columns. */
function isOtherCallInfoFormat(request: URLSearchParams): boolean {
  return (
    request.get("function") === "callid_info" &&
    !(request.get("detail") === "YES" && request.get("header") === "YES" && (request.get("stage") ?? "pipe") === "pipe")
  );
}

/** What the client makes of the answer before any read-back (perform adds that for a 500). */
function judged(transcript: Transcript, body = transcript.body) {
  const { request, status } = transcript;
  const secrets = [request.get("pass") ?? ""];
  return status === 200 ? interpret(operationFor(request), body, secrets) : interpretServerError(operationFor(request), status, body, secrets);
}

function outcome(transcript: Transcript, body = transcript.body): Expected {
  const { request } = transcript;
  const result = judged(transcript, body);
  if (result.ok || !isOtherCallInfoFormat(request) || transcript.status !== 200) {
    return result.ok ? ok(result.data) : fails(result.code, result.field);
  }
  const format = {
    delimiter: CALL_INFO_DELIMITERS[request.get("stage") ?? ""] ?? "|",
    header: request.get("header") === "YES",
    detail: request.get("detail") === "YES",
  };
  const columns = parseCallInfoColumns(body, format);
  if (!columns) return fails(result.code, result.field);
  return ok(format.detail ? toCallInfo(columns) : columns);
}

const PHP_NOISE_BEFORE =
  "<br />\n<b>Deprecated</b>:  preg_replace(): Passing null to parameter #3 ($subject) of type array|string is deprecated in <b>/srv/www/htdocs/vicidial/non_agent_api.php</b> on line <b>1186</b><br />\n";
const PHP_NOISE_AFTER =
  "<br />\n<b>Warning</b>:  Undefined variable $value in <b>/srv/www/htdocs/vicidial/non_agent_api.php</b> on line <b>5563</b><br />\n";

const transcripts = listTranscripts(TRANSCRIPTS_DIR);

describe(`VICIdial transcripts in ${TRANSCRIPTS_DIR}`, () => {
  it("has recordings to check", () => {
    expect(transcripts.length).toBeGreaterThan(0);
  });

  describe.each(transcripts)("$name", (transcript) => {
    const expected = EXPECTED[transcript.name];

    // Registered only where it applies, so the run lists no skipped tests.
    if (expected !== undefined) {
      it("parses to the recorded outcome", () => {
        expect(outcome(transcript)).toEqual(expected);
      });
    }

    it("is understood: a success, or a failure with a known code", () => {
      const result = outcome(transcript);
      if (!result.ok) expect(["UNKNOWN_RESPONSE", "EMPTY_RESPONSE"]).not.toContain(result.code);
    });

    it("gives the same outcome with PHP warning noise around it", () => {
      expect(outcome(transcript, PHP_NOISE_BEFORE + transcript.body + PHP_NOISE_AFTER)).toEqual(outcome(transcript));
    });

    if (transcript.status !== 200) it("is an unknown outcome that says what VICIdial had answered", () => {
      const result = judged(transcript);
      expect(result).toMatchObject({ ok: false, code: "HTTP_ERROR" });
      if (result.ok) return;
      if (transcript.body.startsWith("SUCCESS:")) {
        expect(result.message).toMatch(/^VICIdial answered that it succeeded, then failed with HTTP 500, so the answer cannot be trusted\./);
        expect(result.raw).toBe(transcript.body.trim());
      } else if (transcript.body === "") {
        expect(result.message).toMatch(/^VICIdial failed with HTTP 500 before answering\./);
      }
      if (operationFor(transcript.request).subject.changesData) expect(result.message).toMatch(/may or may not have made the change/);
    });

    it("never hands back the password it was sent", () => {
      const pass = transcript.request.get("pass");
      const result = judged(transcript);
      if (pass) expect(result.raw.split(/[|\s]/)).not.toContain(pass);
      if (transcript.body.includes("Login incorrect")) expect(result.raw).toContain(`|${REDACTED}|`);
    });
  });

  it.runIf(process.env.VICIDIAL_TRANSCRIPTS_DIR === undefined)("pins an outcome for every recording in the shared set", () => {
    expect(transcripts.map((t) => t.name).filter((name) => !(name in EXPECTED))).toEqual([]);
  });
});

describe("copy_did failures keep the per-DID lines", () => {
  it("exposes them from raw when no DID was added", () => {
    const body =
      "NOTICE: copy_did DID ALREADY EXISTS - 6666|7275553338\n" +
      "NOTICE: copy_did DID ALREADY EXISTS - 6666|7275553340\n" +
      "ERROR: copy_did NO DIDS ADDED - 6666|7275550100|0|2\n";
    const result = interpret(copyDidOperation, body);
    expect(result).toMatchObject({ ok: false, code: "NO_DIDS_ADDED" });
    expect(parseCopyDidLines(result.raw)).toEqual([
      { pattern: "7275553338", outcome: "exists" },
      { pattern: "7275553340", outcome: "exists" },
    ]);
  });
});
