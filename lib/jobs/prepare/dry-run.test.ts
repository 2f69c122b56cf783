import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv";
import { AGENT_COLUMNS } from "./agents";
import { CID_COLUMNS } from "./cid";
import { guessMapping, looksLikeHeader } from "./columns";
import { dryRun } from "./index";

const CID = { areacode: 0, outbound_cid: 1, description: 2, active: 3 };
const AGENTS = { extension: 0, login: 1, fullName: 2, outboundCid: 3, alias: 4 };
const SERVER = { serverIp: "10.10.10.15", protocol: "SIP", localGmt: "-5.00" } as const;

describe("reading the file", () => {
  it("takes VICIdial's CID layout with or without a header, and maps a header by its names in any order", () => {
    const bare = parseCsv("727,7275551001,Tampa main,Y\n813,8135552001,Tampa 813,N\n").lines;
    expect(looksLikeHeader(bare[0], CID_COLUMNS)).toBe(false);
    expect(guessMapping(bare, false, CID_COLUMNS, ["areacode", "outbound_cid", "description", "active"])).toEqual(CID);

    const named = parseCsv("Active,Description,Outbound CID,Area code\nY,Tampa main,7275551001,727").lines;
    expect(looksLikeHeader(named[0], CID_COLUMNS)).toBe(true);
    expect(guessMapping(named, true, CID_COLUMNS, [])).toEqual({ active: 0, description: 1, outbound_cid: 2, areacode: 3 });
  });

  it("reads quoted cells with commas, tabs from a spreadsheet, and a byte-order mark", () => {
    expect(parseCsv('\uFEFF727,7275551001,"Tampa, main",Y').lines).toEqual([["727", "7275551001", "Tampa, main", "Y"]]);
    expect(parseCsv("727\t7275551001\tTampa\tY").lines).toEqual([["727", "7275551001", "Tampa", "Y"]]);
  });
});

describe("the dry run of pasted data", () => {
  it("cleans formatted numbers and says so, offers the closest names VICIdial keeps, and warns about letters-only DIDs", () => {
    const agents = ["7101,a7101,Zoë Adams,(415) 555-0100", "7102,a7102,O'Brien,+1 415 555 0103"].join("\n");
    const dry = dryRun("agents", { text: agents, hasHeader: false, mapping: AGENTS, options: { ...SERVER, aliasMode: "none" } });
    expect(dry.errors).toEqual([
      expect.objectContaining({ row: 1, column: "fullName", value: "Zoë Adams", suggestion: "Zoe Adams" }),
      expect.objectContaining({ row: 2, column: "fullName", value: "O'Brien", suggestion: "OBrien" }),
    ]);

    const dids = ["415.555.0102,Sales line,EXTEN,8300", "SALESLINE,Named line,EXTEN,8300", "default,Catch all,EXTEN,8300"].join("\n");
    const didRun = dryRun("dids", { text: dids, hasHeader: false, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} });
    expect(didRun.valid).toBe(3);
    expect(didRun.rows[0]?.input).toMatchObject({ didPattern: "4155550102" });
    expect(didRun.notes).toEqual([
      { row: 1, column: "didPattern", value: "415.555.0102", message: "Sent as 4155550102: dots removed.", tone: "cleaned" },
      { row: 2, column: "didPattern", value: "SALESLINE", message: expect.stringMatching(/never match a dialled number/), tone: "warning" },
    ]);
  });
});

describe("the dry run", () => {
  it("checks every row with the single form's schema and names the row, the column and the problem", () => {
    const text = ["727,7275551001,Tampa main,Y", "9 1,9015550000,Space in area code,Y", "902,12,Short CID,Y", "903,9035550000,Bad active,maybe", "904,9045550000,Café,Y"].join("\n");
    const dry = dryRun("cid", { text, hasHeader: false, mapping: CID, options: { groupId: "US_SALES" } });
    expect(dry).toMatchObject({ total: 5, valid: 1, ready: true });
    expect(dry.errors).toEqual([
      { row: 2, column: "areacode", value: "9 1", message: expect.stringMatching(/VICIdial would silently remove spaces/) },
      { row: 3, column: "outbound_cid", value: "12", message: "The outbound CID must be at least 4 digits" },
      { row: 4, column: "active", value: "maybe", message: "Active must be Y or N" },
      { row: 5, column: "description", value: "Café", message: expect.stringMatching(/would silently remove “é”/), suggestion: "Cafe" },
    ]);
    expect(dry.rows[0]).toMatchObject({ seq: 1, label: "727 · 7275551001", input: { groupId: "US_SALES", areacode: "727", outboundCid: "7275551001", description: "Tampa main", active: true } });
  });

  it("refuses the second row that would add the same thing", () => {
    const dry = dryRun("cid", { text: "727,7275559999,One,Y\n727,7275559999,Again,Y", hasHeader: false, mapping: CID, options: { groupId: "US_SALES" } });
    expect(dry.errors).toEqual([{ row: 2, column: "outbound_cid", value: "7275559999", message: "Row 1 already adds 7275559999 for area code 727" }]);
  });

  it("says up front that a job takes at most 5,000 rows", () => {
    const text = Array.from({ length: 5001 }, (_, i) => `7${String(i).padStart(4, "0")},7275550000,Row,Y`).join("\n");
    const dry = dryRun("cid", { text, hasHeader: false, mapping: CID, options: { groupId: "US_SALES" } });
    expect(dry).toMatchObject({ ready: false, fileError: "The file has 5,001 rows; a job takes at most 5,000. Split it into several files." });
  });

  it("asks for the required columns before checking rows", () => {
    const dry = dryRun("cid", { text: "727,7275551001", hasHeader: false, mapping: { areacode: 0, description: 0 }, options: { groupId: "US_SALES" } });
    expect(dry.fieldErrors).toEqual({
      "mapping.outbound_cid": "Choose the file column that holds the outbound cid",
      "mapping.description": "The same file column is already used for area code",
    });
    expect(dry.ready).toBe(false);
  });

  it("checks new DIDs with the add form's rules: the route needs its target", () => {
    const text = ["did,route,extension,group", "7275559001,EXTEN,8300,", "7275559002,IN_GROUP,,", "+17275559003,CALLMENU,,"].join("\n");
    const dry = dryRun("dids", { text, hasHeader: true, mapping: { didPattern: 0, didRoute: 1, extension: 2, group: 3 }, options: {} });
    expect(dry.valid).toBe(1);
    expect(dry.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "group", "In-group is required for the In-group route"],
      [3, "menuId", "Call menu is required for the Call menu route"],
    ]);
  });

  it("weighs each DID to copy by its characters, so copy_did requests stay within 2,000", () => {
    const dry = dryRun("did-copy", { text: "7275553001\n7275553002\n3125550000", hasHeader: false, mapping: { didPattern: 0 }, options: { sourceDidPattern: "3125550000" } });
    expect(dry.rows.map((row) => row.weight ?? null)).toEqual([11, 11, null]);
    expect(dry.errors[0]).toMatchObject({ row: 3, message: "3125550000 is the DID being copied" });
  });

  it("checks agent rows as phones with generated passwords, and an alias shared by rows over their logins", () => {
    const text = ["4201,agent4201,Ann Able,7275551234,TEAM_A", "4202,agent4202,Ben Baker,7275551234,TEAM_A", "4203,agent4201,Cy Clone,7275551234,", "4204,agent4204,Di Dot,72x75,"].join("\n");
    const dry = dryRun("agents", { text, hasHeader: false, mapping: AGENTS, options: { ...SERVER, aliasMode: "per-row" } });
    expect(dry.errors).toEqual([
      { row: 3, column: "login", value: "agent4201", message: "Row 1 already has login agent4201" },
      { row: 4, column: "outboundCid", value: "72x75", message: "Outbound caller ID contains characters VICIdial would silently remove: “x”" },
    ]);
    const alias = dry.rows.find((row) => row.phase === 1);
    expect(alias).toMatchObject({ label: "Alias TEAM_A", input: { kind: "alias", aliasId: "TEAM_A", aliasName: "TEAM_A", rows: [1, 2] } });
    expect(dry.rows[0]?.input).toEqual({
      kind: "phone",
      extension: "4201",
      dialplanNumber: "4201",
      voicemailId: "4201",
      phoneLogin: "agent4201",
      serverIp: "10.10.10.15",
      protocol: "SIP",
      phoneFullName: "Ann Able",
      localGmt: "-5.00",
      outboundCid: "7275551234",
    });
    expect(dry).toMatchObject({ valid: 2, toSend: 3 });
  });

  it("refuses one alias over every phone when their logins would not fit VICIdial's 255 characters", () => {
    const text = Array.from({ length: 30 }, (_, i) => `${5000 + i},agentlogin${5000 + i},Agent ${i},7275551234`).join("\n");
    const dry = dryRun("agents", { text, hasHeader: false, mapping: AGENTS, options: { ...SERVER, aliasMode: "single", aliasId: "ALLAGENTS", aliasName: "All agents" } });
    expect(dry.fieldErrors["options.aliasMode"]).toMatch(/VICIdial keeps only 255/);
    expect(dry.ready).toBe(false);
  });

  it("needs the alias column when each row names its alias", () => {
    const dry = dryRun("agents", { text: "4301,a4301,Ann,7275551234", hasHeader: false, mapping: { extension: 0, login: 1, fullName: 2, outboundCid: 3 }, options: { ...SERVER, aliasMode: "per-row" } });
    expect(dry.fieldErrors["mapping.alias"]).toMatch(/alias/);
    expect(AGENT_COLUMNS.find((c) => c.key === "alias")?.required).toBe(false);
  });
});
