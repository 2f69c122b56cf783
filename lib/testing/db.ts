import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Db, type OpenDb } from "@/lib/db/client";
import { installDatabase } from "@/lib/db";

export type Backend = "pglite" | "postgres";

/** PGlite always; a real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one suite: a PGlite copied from the run's template, or a new database created on
 * the TEST_DATABASE_URL server and dropped afterwards. It becomes the app's database (getDb).
 */
export async function createTestDatabase(backend: Backend): Promise<OpenDb> {
  if (backend === "pglite") return copyOfPgliteTemplate();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `vicidash_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const open = await openDatabase(url.toString());
  return {
    ...open,
    async close() {
      await open.close();
      const drop = new Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** A private copy of the run's migrated PGlite template (lib/testing/pglite-template.ts), removed on close. */
async function copyOfPgliteTemplate(): Promise<OpenDb> {
  const root = mkdtempSync(path.join(os.tmpdir(), "vicidash-test-db-"));
  const dir = path.join(root, "pglite");
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  const open = await openDatabase(dir);
  return {
    ...open,
    async close() {
      await open.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Inside a describe block: a fresh database for the block, installed as the app's database. */
export function useTestDatabase(backend: Backend): () => Db {
  let open: OpenDb | undefined;
  beforeAll(async () => {
    open = await createTestDatabase(backend);
    installDatabase(open);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await open?.close();
  });
  return () => {
    if (!open) throw new Error("test database not ready");
    return open.db;
  };
}
