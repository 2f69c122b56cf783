import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

describe("new embedded databases", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "vicidash-pglite-dir-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are made from one cached empty database, yet hold their own data apart", async () => {
    const [first, second] = await Promise.all([openDatabase(path.join(root, "a", "pglite")), openDatabase(path.join(root, "b", "pglite"))]);
    try {
      await first.db.execute(sql`create table only_here (id int)`);
      const seen = async (db: typeof first.db) =>
        (await db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'only_here'`)) as unknown as { rows: { n: number }[] };
      expect((await seen(first.db)).rows[0]?.n).toBe(1);
      expect((await seen(second.db)).rows[0]?.n).toBe(0);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
