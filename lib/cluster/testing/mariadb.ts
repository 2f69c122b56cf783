import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import mysql from "mysql2/promise";
import { parseMysqlUrl } from "@/lib/cluster/mysql";

/**
 * A fresh VICIdial database for one suite or benchmark on the throwaway MariaDB whose admin URL
 * is in TEST_MARIADB_ADMIN_URL (.ci/start-mariadb.sh; `npm test` starts one itself): our DDL,
 * a SELECT-only account as a call center would give the dashboard, and admin-side seeding.
 */
export interface ScratchVicidialDb {
  /** The SELECT-only account on this database: what the dashboard is configured with. */
  url: string;
  /** The admin account on this database (it can write: for canWrite() and fault tests). */
  adminUrl: string;
  database: string;
  /** Runs statements as the admin (seeding, views, KILL). */
  exec(sql: string, params?: unknown[]): Promise<void>;
  /** Multi-row INSERTs as a direct database write would add them, in VICIdial's column names. */
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  /** Removes the database and its account. */
  drop(): Promise<void>;
}

const SCHEMA_FILE = fileURLToPath(new URL("./vicidial-schema.sql", import.meta.url));
/** Rows per INSERT: well under max_allowed_packet for VICIdial-sized rows, few round trips. */
const ROWS_PER_INSERT = 1000;

export function mariadbAdminUrl(): string {
  const url = process.env.TEST_MARIADB_ADMIN_URL;
  if (!url) {
    throw new Error(
      'TEST_MARIADB_ADMIN_URL is not set: run `eval "$(bash .ci/start-mariadb.sh)"` first (npm test and .ci/run start one themselves)',
    );
  }
  return url;
}

/** Our DDL's statements: each ends with a semicolon at the end of a line. */
export function vicidialSchemaStatements(): string[] {
  const text = readFileSync(SCHEMA_FILE, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("--"))
    .join("\n");
  return text
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export async function scratchVicidialDb(): Promise<ScratchVicidialDb> {
  const server = parseMysqlUrl(mariadbAdminUrl());
  const suffix = randomBytes(5).toString("hex");
  const database = `vicidial_t_${suffix}`;
  const account = `vd_ro_${suffix}`;
  const password = randomBytes(12).toString("hex");
  const admin = await mysql.createConnection({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
    charset: "utf8mb4",
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: true,
  });
  try {
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci`);
    await admin.changeUser({ database });
    await admin.query(vicidialSchemaStatements().join(";\n"));
    await admin.query(`CREATE USER '${account}'@'%' IDENTIFIED BY '${password}'`);
    await admin.query(`GRANT SELECT ON \`${database}\`.* TO '${account}'@'%'`);
  } catch (error) {
    await admin.end().catch(() => {});
    throw error;
  }

  const at = (user: string, pass: string) =>
    `mysql://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@${server.host}:${server.port}/${database}`;

  return {
    url: at(account, password),
    adminUrl: at(server.user, server.password),
    database,
    async exec(sql, params = []) {
      await admin.query(sql, params);
    },
    async insert(table, rows) {
      for (const [columns, group] of groupByColumns(rows)) {
        for (let i = 0; i < group.length; i += ROWS_PER_INSERT) {
          const values = group.slice(i, i + ROWS_PER_INSERT).map((row) => columns.map((column) => row[column] ?? null));
          await admin.query("INSERT INTO ?? (??) VALUES ?", [table, columns, values]);
        }
      }
    },
    async drop() {
      try {
        // A read the test abandoned (a timed-out one) would hold the tables until it ends.
        const [running] = await admin.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ?", [account]);
        for (const { id } of running as { id: number }[]) await admin.query("KILL CONNECTION ?", [id]).catch(() => {});
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.query(`DROP USER IF EXISTS '${account}'@'%'`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Rows that name the same columns go in one INSERT; a column a row leaves out takes its default. */
function groupByColumns(rows: Record<string, unknown>[]): Map<string[], Record<string, unknown>[]> {
  const byKey = new Map<string, { columns: string[]; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    const key = columns.join("\u0000");
    const group = byKey.get(key) ?? { columns, rows: [] };
    group.rows.push(row);
    byKey.set(key, group);
  }
  return new Map([...byKey.values()].map((group) => [group.columns, group.rows]));
}
