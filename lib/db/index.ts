import path from "node:path";
import { env } from "@/lib/config/env";
import { openDatabase, type Db, type OpenDb } from "./client";

export type { Db } from "./client";
export * as tables from "./schema";

/**
 * One database per process. Next bundles the start-up hook, pages and route handlers separately,
 * so the handle lives on globalThis, not in a module variable.
 */
const holder = globalThis as typeof globalThis & { __vicidashDb?: Promise<OpenDb> };

export function databaseLocation(): string {
  const e = env();
  return e.DATABASE_URL ?? path.resolve(e.DATA_DIR, "pglite");
}

export async function getDb(): Promise<Db> {
  holder.__vicidashDb ??= openDatabase(databaseLocation());
  return (await holder.__vicidashDb).db;
}

/** Tests and scripts swap in their own database. */
export function installDatabase(open: OpenDb | undefined): void {
  holder.__vicidashDb = open ? Promise.resolve(open) : undefined;
}

export async function closeDb(): Promise<void> {
  const open = holder.__vicidashDb;
  holder.__vicidashDb = undefined;
  if (open) await (await open).close();
}
