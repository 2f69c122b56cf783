import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { ensurePgliteDataDir } from "./pglite-dir";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export interface OpenDb {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const MIGRATIONS = path.join(process.cwd(), "lib/db/migrations");
/** Any fixed number: instances starting together on one PostgreSQL take turns migrating. */
const MIGRATION_LOCK = 727_555_0100;

/**
 * PGlite zero-fills its shared buffers in the process's memory at start: PostgreSQL's default
 * 128 MB made the embedded database cost 230 MB of resident memory before the first query
 * (measured). 16 MB keeps it near 100 MB; what does not fit is read from the data files, which
 * the kernel caches anyway (the 100,000-DID list bench stays far below its goals).
 */
const PGLITE_SETTINGS = ["shared_buffers=16MB"];

/**
 * `location`: a postgres:// URL, a directory for PGlite's files, or "memory://" for a throwaway
 * PGlite. Migrations run before the database is handed out.
 */
export async function openDatabase(location: string): Promise<OpenDb> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const pool = new Pool({ connectionString: location, max: 10 });
    // An idle connection the server closes (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on("error", (error) => console.warn(`database: idle connection closed (${error.message})`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    return { db, kind: "postgres", close: () => pool.end() };
  }
  if (location !== "memory://") await ensurePgliteDataDir(location);
  // pg_trgm: the lists' substring searches on trigram indexes (PostgreSQL ships it in contrib).
  // Options in the first argument: PGlite reads a second argument only after a directory.
  const client = new PGlite({ dataDir: location === "memory://" ? undefined : location, postgresqlconf: PGLITE_SETTINGS, extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

