import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeClusterError } from "./errors";
import { createMysqlReader } from "./mysql-reader";
import { describeClusterReader, SECRET_COLUMNS } from "./reader-contract";
import { scratchVicidialDb, type ScratchVicidialDb } from "./testing/mariadb";
import { REFERENCE_KINDS, type ClusterReader } from "./types";

describeClusterReader("MySQL reader on MariaDB", async () => {
  const db = await scratchVicidialDb();
  const reader = createMysqlReader(db.url);
  return {
    reader,
    insert: db.insert,
    async close() {
      await reader.close();
      await db.drop();
    },
  };
});

/** Every reader method once, with arguments that reach its statement. */
async function callEveryMethod(reader: ClusterReader): Promise<void> {
  await reader.dids(0, 10);
  await reader.didsById([1, 2]);
  await reader.didsByPattern(["7275550100"]);
  await reader.phones(null, 10);
  await reader.phones({ extension: "100", server_ip: "10.0.0.1" }, 10);
  await reader.phonesByExtension(["100"]);
  await reader.aliases("", 10);
  await reader.aliasesById(["A1"]);
  await reader.cidGroups("", 10);
  await reader.cidGroupsById(["G1"]);
  await reader.cidEntries("G1");
  for (const kind of REFERENCE_KINDS) {
    await reader.references(kind, "", 10);
    await reader.references(kind, "1", 10);
  }
  await reader.adminLogAfter(0, 10);
  await reader.adminLogHead();
  await reader.apiLogBetween("api", "2024-01-01 00:00:00", "2024-01-02 00:00:00");
  await reader.apiUser("api");
  await reader.canWrite();
}

describe("MySQL reader: what it sends, and the account it runs on", () => {
  let db: ScratchVicidialDb;
  beforeAll(async () => {
    db = await scratchVicidialDb();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("sends only SELECT or SHOW, names every column and never a secret one", async () => {
    const sent: string[] = [];
    const reader = createMysqlReader(db.url, { onStatement: (sql) => sent.push(sql) });
    try {
      await callEveryMethod(reader);
    } finally {
      await reader.close();
    }
    expect(sent.length).toBeGreaterThanOrEqual(28);
    for (const sql of sent) {
      expect(sql, sql).toMatch(/^(SELECT|SHOW) /);
      expect(sql, sql).not.toMatch(/\*\s+FROM|\.\*/i);
      for (const column of SECRET_COLUMNS) expect(sql, `${column} in ${sql}`).not.toMatch(new RegExp(`\\b${column}\\b`, "i"));
      expect(sql, sql).not.toMatch(/secret|_pass\b/i);
    }
  });

  it("tells a SELECT-only account from one that can write (SHOW GRANTS)", async () => {
    const readOnly = createMysqlReader(db.url);
    const admin = createMysqlReader(db.adminUrl);
    try {
      expect(await readOnly.canWrite()).toBe(false);
      expect(await admin.canWrite()).toBe(true);
    } finally {
      await readOnly.close();
      await admin.close();
    }
  });
});

describe("MySQL reader: faults in plain words", () => {
  let db: ScratchVicidialDb;
  let silent: Server;
  beforeAll(async () => {
    db = await scratchVicidialDb();
    // A slow table: reading phones_alias takes 3 s. A missing table and a missing column, as an
    // older VICIdial would have them.
    await db.exec("DROP TABLE phones_alias");
    await db.exec("CREATE VIEW phones_alias AS SELECT 'A1' AS alias_id, 'n' AS alias_name, '' AS logins_list, '' AS user_group FROM DUAL WHERE SLEEP(3) = 0");
    await db.exec("DROP TABLE vicidial_call_menu");
    await db.exec("ALTER TABLE phones DROP COLUMN peer_status");
    // Accepts connections and never says a word: a firewall that drops, or a hung server.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    silent?.close();
    await db?.drop();
  });

  async function failure(call: Promise<unknown>): Promise<string> {
    try {
      await call;
    } catch (error) {
      return describeClusterError(error);
    }
    throw new Error("expected the read to fail");
  }

  it("names the host and port when nothing listens there", async () => {
    const port = await freePort();
    const reader = createMysqlReader(`mysql://ro:pw@127.0.0.1:${port}/asterisk`, { connectTimeoutMs: 2000 });
    const started = Date.now();
    try {
      expect(await failure(reader.adminLogHead())).toBe(
        `VICIdial's database at 127.0.0.1:${port} cannot be reached: the connection was refused (is MySQL/MariaDB running and listening there?).`,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await reader.close();
    }
  });

  it("gives up on a server that never answers within the connect timeout", async () => {
    const { port } = silent.address() as AddressInfo;
    const reader = createMysqlReader(`mysql://ro:pw@127.0.0.1:${port}/asterisk`, { connectTimeoutMs: 500 });
    const started = Date.now();
    try {
      expect(await failure(reader.adminLogHead())).toMatch(new RegExp(`^VICIdial's database at 127\\.0\\.0\\.1:${port} cannot be reached: no answer within 0\\.5 s`));
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await reader.close();
    }
  });

  it("says the account was refused, or the database is unknown", async () => {
    const wrongPassword = createMysqlReader(db.url.replace(/:([^:@/]+)@/, ":wrong@"));
    const url = new URL(db.adminUrl);
    url.pathname = "/no_such_vicidial";
    const noDatabase = createMysqlReader(url.toString());
    try {
      expect(await failure(wrongPassword.adminLogHead())).toMatch(/^VICIdial's database at 127\.0\.0\.1:\d+ refused the account "vd_ro_\w+": wrong user name or password/);
      expect(await failure(noDatabase.adminLogHead())).toMatch(/^VICIdial's database server at 127\.0\.0\.1:\d+ has no database "no_such_vicidial"/);
    } finally {
      await wrongPassword.close();
      await noDatabase.close();
    }
  });

  it("names a missing table or column", async () => {
    const reader = createMysqlReader(db.url);
    try {
      expect(await failure(reader.references("call_menu", "", 10))).toBe(
        `VICIdial's database "${db.database}" has no table "vicidial_call_menu": is this VICIdial's database, and is VICIdial up to date?`,
      );
      expect(await failure(reader.phones(null, 10))).toBe(
        `VICIdial's table "phones" has no column "peer_status": this VICIdial version is older or newer than the dashboard expects.`,
      );
    } finally {
      await reader.close();
    }
  });

  it("times out a slow read, and the next read works", async () => {
    const reader = createMysqlReader(db.url, { queryTimeoutMs: 300 });
    const started = Date.now();
    try {
      expect(await failure(reader.aliases("", 10))).toMatch(/did not answer a read within 0\.3 s; timed out\.$/);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await reader.adminLogHead()).toBe(0);
      // The server still runs the abandoned read until it ends; end it here for the next test.
      expect(await killConnections(db, new URL(db.url).username, "INFO LIKE ?", ["%phones_alias%"])).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it("reports a connection killed mid-read, and the next read reconnects", async () => {
    const reader = createMysqlReader(db.url);
    const account = new URL(db.url).username;
    try {
      expect(await reader.adminLogHead()).toBe(0);
      const slow = failure(reader.aliases("", 10));
      // Once the read runs on the server, the admin kills its connection.
      expect(await killConnections(db, account, "INFO LIKE ?", ["%phones_alias%"])).toBe(1);
      expect(await slow).toMatch(/^The connection to VICIdial's database at 127\.0\.0\.1:\d+ was lost in the middle of a read/);
      expect(await reader.adminLogHead()).toBe(0);
      expect(await reader.canWrite()).toBe(false);
    } finally {
      await reader.close();
    }
  });

  it("drops a pooled connection the server closed while idle, and reads on", async () => {
    const reader = createMysqlReader(db.url);
    const account = new URL(db.url).username;
    try {
      expect(await reader.adminLogHead()).toBe(0);
      // As a server's wait_timeout or a restart would.
      expect(await killConnections(db, account, "COMMAND = 'Sleep'")).toBeGreaterThan(0);
      // The pool hears of the close and opens a new connection; no read fails.
      expect(await reader.adminLogHead()).toBe(0);
      expect(await reader.dids(0, 10)).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});

/**
 * Kills the connections of `account` that match `condition` (a PROCESSLIST filter), waiting up to
 * 2 s for one to appear; returns how many it killed.
 */
async function killConnections(db: ScratchVicidialDb, account: string, condition: string, params: unknown[] = []): Promise<number> {
  const { default: mysql } = await import("mysql2/promise");
  const admin = await mysql.createConnection(db.adminUrl);
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const [rows] = await admin.query(`SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ? AND ${condition}`, [account, ...params]);
      const ids = (rows as { id: number }[]).map((row) => row.id);
      for (const id of ids) await admin.query("KILL CONNECTION ?", [id]);
      if (ids.length > 0) {
        // The client sees the close on a later turn of its event loop.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return ids.length;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 0;
  } finally {
    await admin.end();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
