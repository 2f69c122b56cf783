import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Whether `dir` holds a PGlite database already (PostgreSQL writes PG_VERSION first). */
export function isPgliteDataDir(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION"));
}

/**
 * Creates a PGlite data directory if there is none. PGlite creates one by running initdb in its
 * WebAssembly heap, which then stays resident in the process for good (measured: 750 MB after
 * creating a database, 220 MB after opening an existing one). A short-lived child process does
 * it, so the server only ever opens ready directories.
 */
export async function ensurePgliteDataDir(dir: string): Promise<void> {
  if (isPgliteDataDir(dir)) return;
  mkdirSync(dir, { recursive: true });
  const pglite = pathToFileURL(createRequire(path.join(process.cwd(), "package.json")).resolve("@electric-sql/pglite")).href;
  const script = "const { PGlite } = await import(process.argv[1]); const db = new PGlite(process.argv[2]); await db.waitReady; await db.close(); process.exit(0);";
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, pglite, dir], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && isPgliteDataDir(dir) ? resolve() : reject(new Error(`could not create the embedded database in ${dir} (exit code ${code})`))));
  });
}
