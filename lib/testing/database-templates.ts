import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/client";
import { onServer } from "@/lib/db/scratch";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory that each suite copies instead of creating its own. */
    pgliteTemplate: string;
    /** A migrated database on TEST_DATABASE_URL's server that each suite clones ("" without one). */
    postgresTemplate: string;
  }
}

/**
 * Vitest global setup: creates and migrates one database per engine for the whole run, which the
 * suites copy, so no suite runs the migrations again (on PGlite about 0.3 s each; a new PGlite is
 * itself a copy, see lib/db/pglite-dir.ts). On PostgreSQL, CREATE DATABASE … TEMPLATE does the same.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(os.tmpdir(), "vicidash-pglite-template-"));
  const dir = path.join(root, "pglite");
  const server = process.env.TEST_DATABASE_URL;
  const postgresTemplate = server ? `vicidash_template_${randomBytes(6).toString("hex")}` : "";
  await Promise.all([
    openDatabase(dir).then((open) => open.close()),
    server ? createPostgresTemplate(server, postgresTemplate) : undefined,
  ]);
  project.provide("pgliteTemplate", dir);
  project.provide("postgresTemplate", postgresTemplate);
  return async () => {
    rmSync(root, { recursive: true, force: true });
    if (server) await onServer(server, `drop database if exists ${postgresTemplate} with (force)`);
  };
}

async function createPostgresTemplate(server: string, name: string): Promise<void> {
  await onServer(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  // Closed before any suite clones it: PostgreSQL copies only a database nobody is connected to.
  const open = await openDatabase(url.toString());
  await open.close();
}
