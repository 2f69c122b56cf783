import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchVicidialDb, type ScratchVicidialDb } from "@/lib/cluster/testing/mariadb";
import { describeCallsReader } from "./contract";
import { createMysqlCallsReader } from "./mysql";

describeCallsReader("MariaDB with our DDL (SELECT-only account)", async () => {
  const db = await scratchVicidialDb();
  const reader = createMysqlCallsReader(db.url);
  return {
    reader,
    insert: (table, rows) => db.insert(table, rows),
    async close() {
      await reader.close();
      await db.drop();
    },
  };
});

describe("the MySQL calls reader's statements", () => {
  let db: ScratchVicidialDb;
  beforeAll(async () => {
    db = await scratchVicidialDb();
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it("are SELECTs that name their columns, never `*` and never a password or secret column", async () => {
    const sent: string[] = [];
    const reader = createMysqlCallsReader(db.url, { onStatement: (sql) => sent.push(sql) });
    const range = { from: "2025-03-04 00:00:00", to: "2025-03-04 23:59:59", offset: 0, limit: 25 };
    await reader.serverNow();
    await reader.search({ ...range, phones: ["7275551234"], agent: "a", group: "g", status: "SALE", lead_id: 1 });
    await reader.search({ ...range, callId: "M304100000000500100" });
    await reader.call("outbound", "1.1");
    await reader.call("inbound", "1");
    await reader.recordings("1", { lead_id: 1, from: range.from, to: range.to });
    await reader.recording("1");
    await reader.close();
    expect(sent.length).toBeGreaterThan(8);
    for (const sql of sent) {
      expect(sql).toMatch(/^SELECT /);
      expect(sql).not.toMatch(/\*/);
      expect(sql).not.toMatch(/\bpass\b|pass_hash|_pass\b|secret/i);
    }
  });
});
