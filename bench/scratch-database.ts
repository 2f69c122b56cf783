import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase, type OpenDb } from "@/lib/db/client";

export interface ScratchDatabase {
  open: OpenDb;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/**
 * A new, migrated database for one bench, removed afterwards: a database on the PostgreSQL server
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names, else PGlite in a temporary data directory,
 * created as the server creates ./data on its first start.
 */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) {
    const root = mkdtempSync(path.join(os.tmpdir(), "vicidash-bench-"));
    const open = await openDatabase(path.join(root, "pglite"));
    return {
      open,
      kind: "pglite",
      async close() {
        await open.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  }
  const name = `vicidash_bench_${Date.now().toString(36)}`;
  await onServer(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const open = await openDatabase(url.toString());
  return {
    open,
    kind: "postgres",
    async close() {
      await open.close();
      await onServer(server, `drop database if exists ${name} with (force)`);
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
