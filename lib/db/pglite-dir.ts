import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Whether `dir` holds a PGlite database already (PostgreSQL writes PG_VERSION first). */
export function isPgliteDataDir(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION"));
}

/**
 * Creates a PGlite data directory if there is none, as a copy of an empty one kept in
 * node_modules/.cache for the installed PGlite version. PGlite's initdb takes about 7 s on a
 * 2-core machine (measured); copying its result 0.2 s. So only the first new database after
 * `npm ci` pays for it: the dashboard's first start, each test suite's and each browser test
 * server's fresh directory after that do not.
 */
export async function ensurePgliteDataDir(dir: string): Promise<void> {
  if (isPgliteDataDir(dir)) return;
  let empty: string;
  try {
    empty = await emptyDataDir();
  } catch {
    // node_modules not writable (a read-only image): create this one directly, as before the cache.
    return initdb(dir);
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(empty, dir, { recursive: true });
}

const PGLITE = "@electric-sql/pglite";

function pgliteRequire(): NodeRequire {
  return createRequire(path.join(process.cwd(), "package.json"));
}

/** The cached empty data directory of the installed PGlite, created once (by whichever process gets there first). */
async function emptyDataDir(): Promise<string> {
  // The package exports no package.json: read it beside the entry point's package folder.
  const entry = pgliteRequire().resolve(PGLITE);
  const packageJson = path.join(entry.slice(0, entry.lastIndexOf(PGLITE) + PGLITE.length), "package.json");
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  const cacheRoot = path.join(process.cwd(), "node_modules", ".cache", "vicidash-pglite");
  const cached = path.join(cacheRoot, version);
  if (isPgliteDataDir(cached)) return cached;
  mkdirSync(cacheRoot, { recursive: true });
  const scratch = mkdtempSync(path.join(cacheRoot, `${version}-creating-`));
  const created = path.join(scratch, "pglite");
  try {
    await initdb(created);
    try {
      renameSync(created, cached);
    } catch (error) {
      // Another process finished first: its directory is as good as ours.
      if (!isPgliteDataDir(cached)) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return cached;
}

/**
 * PGlite runs initdb in its WebAssembly heap, which then stays resident in the process for good
 * (measured: 750 MB after creating a database, 220 MB after opening an existing one): a
 * short-lived child process does it, so no long-running process ever does.
 */
function initdb(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pglite = pathToFileURL(pgliteRequire().resolve(PGLITE)).href;
  const script = "const { PGlite } = await import(process.argv[1]); const db = new PGlite(process.argv[2]); await db.waitReady; await db.close(); process.exit(0);";
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, pglite, dir], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 && isPgliteDataDir(dir) ? resolve() : reject(new Error(`could not create the embedded database in ${dir} (exit code ${code})`))));
  });
}
