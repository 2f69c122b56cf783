import { max, sql } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import type { Db, OpenDb } from "@/lib/db/client";
import { scratchDatabase } from "@/lib/db/scratch";
import { installDatabase } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";

export type Backend = "pglite" | "postgres";

/** PGlite always; a real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one suite: a PGlite copied from the run's template, or a new
 * database on the TEST_DATABASE_URL server, dropped on close. useTestDatabase makes it the app's.
 */
export async function createTestDatabase(backend: Backend): Promise<OpenDb> {
  if (backend === "pglite") return scratchDatabase({ prefix: "vicidash-test", pgliteTemplate: inject("pgliteTemplate") });
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is not set");
  return scratchDatabase({ prefix: "vicidash_test", server, postgresTemplate: inject("postgresTemplate") || undefined });
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

/**
 * The newest audit entry's id. The audit log cannot be emptied between tests (the database
 * refuses it: append-only), so a test reads only the entries written after this mark.
 */
export async function auditMark(db: Db): Promise<number> {
  const [row] = await db.select({ last: max(auditLog.id) }).from(auditLog);
  return row?.last ?? 0;
}

/**
 * Empties a scratch database's audit log, for tests that count entries over the whole log (the
 * overview's charts). Only a table owner can step around the append-only trigger like this; the
 * dashboard's own statements never do (lib/audit/append-only.test.ts proves they are refused).
 */
export async function emptyAuditLogOfScratchDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await tx.delete(auditLog);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
}
