import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory that each suite copies instead of creating its own. */
    pgliteTemplate: string;
  }
}

/**
 * Vitest global setup: creates and migrates one PGlite database for the whole run. Creating one
 * takes about 4 s (initdb in WebAssembly); copying this one and opening the copy takes about 0.4 s.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(path.join(os.tmpdir(), "vicidash-pglite-template-"));
  const dir = path.join(root, "pglite");
  const open = await openDatabase(dir);
  await open.close();
  project.provide("pgliteTemplate", dir);
  return () => rmSync(root, { recursive: true, force: true });
}
