import { describe, expect, it } from "vitest";
import { auditCsv } from "./csv";
import type { AuditRow } from "./queries";

const row = (over: Partial<AuditRow>): AuditRow => ({
  id: 1,
  at: new Date("2025-01-02T03:04:05Z"),
  actorId: 1,
  actorUsername: "alice",
  actorRole: "admin",
  ip: "10.0.0.1",
  userAgent: "UA",
  action: "did.add",
  resource: "did",
  target: "+17275550001",
  params: { pattern: "1", note: 'a "quoted", text' },
  before: null,
  after: null,
  outcome: "success",
  message: "DID added",
  raw: null,
  durationMs: 12,
  undoOf: null,
  ...over,
});

describe("audit CSV", () => {
  it("writes a header once and one quoted line per entry", () => {
    const csv = auditCsv([row({})], { header: true });
    const [header, line] = csv.split("\r\n");
    expect(header).toBe("id,time_utc,user,role,ip,action,resource,target,outcome,message,duration_ms,params,before,after,raw,user_agent,changes");
    expect(line).toBe('1,2025-01-02T03:04:05.000Z,alice,admin,10.0.0.1,did.add,did,+17275550001,success,DID added,12,"{""pattern"":""1"",""note"":""a \\""quoted\\"", text""}",,,,UA,DID added');
    expect(auditCsv([row({})], { header: false }).startsWith("1,")).toBe(true);
  });

  it("keeps spreadsheet formulas from running, but leaves phone numbers as they are", () => {
    const line = auditCsv([row({ target: "=HYPERLINK(\"http://x\")", message: "@SUM(A1)", ip: "+cmd|' /C calc'!A0", userAgent: "-2+3" })], { header: false });
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain("'@SUM(A1)");
    expect(line).toContain(`'+cmd|`);
    expect(line).toContain("'-2+3");
    expect(auditCsv([row({ target: "+1 (727) 555-1212" })], { header: false })).toContain(",+1 (727) 555-1212,");
  });
});
