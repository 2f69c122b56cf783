import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase, type OpenDb } from "./client";

/**
 * A new, migrated database that goes away on close, for a test suite or a benchmark: a database
 * created on the PostgreSQL `server` (an admin URL) and dropped afterwards, else PGlite in a
 * temporary directory, copied from `pgliteTemplate` when given (much faster than creating one).
 * `postgresTemplate` names a migrated database on the server to clone instead of migrating anew.
 * `location` is what DATABASE_URL (or the PGlite directory) would be for a dashboard process.
 */
export async function scratchDatabase(options: { prefix: string; server?: string; pgliteTemplate?: string; postgresTemplate?: string }): Promise<OpenDb & { location: string }> {
  if (!options.server) {
    const root = mkdtempSync(path.join(os.tmpdir(), `${options.prefix}-`));
    const dir = path.join(root, "pglite");
    if (options.pgliteTemplate) cpSync(options.pgliteTemplate, dir, { recursive: true });
    const open = await openDatabase(dir);
    return {
      ...open,
      location: dir,
      async close() {
        await open.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const server = options.server;
  const name = `${options.prefix}_${randomBytes(6).toString("hex")}`;
  await onServer(server, `create database ${name}${options.postgresTemplate ? ` template ${options.postgresTemplate} strategy file_copy` : ""}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const open = await openDatabase(url.toString());
  return {
    ...open,
    location: url.toString(),
    async close() {
      await open.close();
      await onServer(server, `drop database if exists ${name} with (force)`);
    },
  };
}

export async function onServer(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
