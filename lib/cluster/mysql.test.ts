import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertReadOnly, openMysql, type MysqlReads } from "./mysql";
import { scratchVicidialDb, vicidialSchemaStatements, type ScratchVicidialDb } from "./testing/mariadb";

describe("openMysql on a scratch VICIdial database (real MariaDB)", () => {
  let db: ScratchVicidialDb;
  let reads: MysqlReads;
  const sent: string[] = [];

  beforeAll(async () => {
    db = await scratchVicidialDb();
    reads = openMysql(db.url, { onStatement: (sql) => sent.push(sql) });
  });
  afterAll(async () => {
    await reads?.close();
    await db?.drop();
  });

  it("has every table of our DDL, readable by the SELECT-only account", async () => {
    const tables = vicidialSchemaStatements().map((statement) => /^CREATE TABLE (\w+)/.exec(statement)?.[1]);
    const rows = await reads.select<{ name: string }>("SHOW TABLES");
    expect(rows.map((row) => Object.values(row)[0]).sort()).toEqual([...tables].sort());
  });

  it("returns BIGINT UNSIGNED list ids beyond 2^53 exactly and dates as stored", async () => {
    await db.insert("vicidial_lists", [{ list_id: "18446744073709551615", list_name: "Max", campaign_id: "C1", active: "Y" }]);
    await db.insert("vicidial_admin_log", [
      { event_date: "2024-11-15 10:15:00", user: "admin", ip_address: "10.0.0.1", event_section: "DIDS", event_type: "ADD", record_id: "1", event_code: "X" },
    ]);
    expect(await reads.select("SELECT list_id FROM vicidial_lists")).toEqual([{ list_id: "18446744073709551615" }]);
    expect(await reads.select("SELECT event_date FROM vicidial_admin_log")).toEqual([{ event_date: "2024-11-15 10:15:00" }]);
  });

  it("refuses anything but one SELECT or SHOW before sending it", async () => {
    const before = sent.length;
    for (const statement of [
      "INSERT INTO phones_alias (alias_id) VALUES ('x')",
      "UPDATE phones SET active = 'N'",
      "DELETE FROM vicidial_inbound_dids",
      "SET @a = 1",
      "CALL something()",
      "  /* hidden */ DROP TABLE phones",
      "SELECT 1; DELETE FROM phones",
      "SELECT alias_id INTO OUTFILE '/tmp/x' FROM phones_alias",
      "SELECT alias_id FROM phones_alias FOR UPDATE",
    ]) {
      await expect(reads.select(statement), statement).rejects.toThrow(/not SELECT or SHOW/);
    }
    expect(sent.length).toBe(before);
    expect(() => assertReadOnly("-- why\n  select 1")).not.toThrow();
    expect(() => assertReadOnly("SHOW GRANTS")).not.toThrow();
  });

  it("refuses a write even on an account that could write, so nothing changes", async () => {
    const admin = openMysql(db.adminUrl);
    try {
      await expect(admin.select("INSERT INTO phones_alias (alias_id, alias_name) VALUES ('GUARD1', 'x')")).rejects.toThrow(/not SELECT or SHOW/);
      await expect(admin.select("DELETE FROM vicidial_lists")).rejects.toThrow(/not SELECT or SHOW/);
      expect(await admin.select("SELECT alias_id FROM phones_alias WHERE alias_id = 'GUARD1'")).toEqual([]);
      expect(await admin.select("SELECT list_id FROM vicidial_lists")).toHaveLength(1);
    } finally {
      await admin.close();
    }
  });

  it("gives the SELECT-only account no way to write: MariaDB itself refuses", async () => {
    const { default: mysql } = await import("mysql2/promise");
    const direct = await mysql.createConnection(db.url);
    try {
      await expect(direct.query("INSERT INTO phones_alias (alias_id) VALUES ('RO1')")).rejects.toMatchObject({ code: "ER_TABLEACCESS_DENIED_ERROR" });
      await expect(direct.query("DELETE FROM vicidial_lists")).rejects.toMatchObject({ code: "ER_TABLEACCESS_DENIED_ERROR" });
      await expect(direct.query("CREATE TABLE x (a INT)")).rejects.toMatchObject({ code: "ER_TABLEACCESS_DENIED_ERROR" });
    } finally {
      await direct.end();
    }
  });
});
