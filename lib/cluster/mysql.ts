import mysql from "mysql2/promise";
import type { Pool, PoolConnection } from "mysql2/promise";

/**
 * The one way the dashboard talks to VICIdial's MySQL/MariaDB: a small pool that only reads.
 * Everything sent passes `assertReadOnly` first, so a programming mistake cannot write to a
 * call center's database even on an account that could.
 */
export interface MysqlOptions {
  /** Opening a connection gives up after this long (default 10 s). */
  connectTimeoutMs?: number;
  /** One statement gives up after this long (default 30 s); its connection is then discarded. */
  queryTimeoutMs?: number;
  /** At most 4 connections: a sync reads one table at a time, and VICIdial's server is busy. */
  connectionLimit?: number;
  /** Called with every statement just before it is sent (tests record them). */
  onStatement?: (sql: string, params: readonly unknown[]) => void;
}

export interface MysqlReads {
  select<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Where a failed statement was going, so its message can name the server and the limit. */
export interface ClusterDbTarget {
  host: string;
  port: number;
  user: string;
  database: string;
  queryTimeoutMs: number;
  connectTimeoutMs: number;
}

/** A database error with where it happened; `cause` is mysql2's own error. */
export class ClusterDbError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly cause: unknown,
    readonly target: ClusterDbTarget,
    readonly sql: string | undefined,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "ClusterDbError";
    this.code = (cause as { code?: string } | null)?.code;
  }
}

/** Thrown before sending a statement that is not a read. */
export class ReadOnlyViolation extends Error {
  constructor(sql: string) {
    super(`Refused to send a statement that is not SELECT or SHOW: ${sql.slice(0, 80)}`);
    this.name = "ReadOnlyViolation";
  }
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
const MAX_CONNECTIONS = 4;

/** Leading comments and whitespace, which the server skips before the statement's verb. */
const LEADING_NOISE = /^(?:\s+|\/\*[\s\S]*?\*\/|(?:--\s|#)[^\n]*(?:\n|$))*/;

/**
 * Throws unless `sql` is one SELECT or SHOW statement that cannot write: no second statement
 * after a semicolon, no SELECT … INTO a file or variable, no locking read.
 */
export function assertReadOnly(sql: string): void {
  const body = sql.replace(LEADING_NOISE, "");
  if (!/^(select|show)\b/i.test(body)) throw new ReadOnlyViolation(sql);
  if (/;\s*\S/.test(body)) throw new ReadOnlyViolation(sql);
  if (/\binto\s+(outfile|dumpfile|@)/i.test(body) || /\bfor\s+update\b|\block\s+in\s+share\s+mode\b/i.test(body)) throw new ReadOnlyViolation(sql);
}

export function parseMysqlUrl(url: string): { host: string; port: number; user: string; password: string; database: string } {
  const parsed = new URL(url);
  if (parsed.protocol !== "mysql:") throw new Error("VICIdial's database URL must start with mysql://");
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
  };
}

export function openMysql(url: string, opts: MysqlOptions = {}): MysqlReads {
  const { host, port, user, password, database } = parseMysqlUrl(url);
  const target: ClusterDbTarget = {
    host,
    port,
    user,
    database,
    queryTimeoutMs: opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    connectTimeoutMs: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  };
  const pool: Pool = mysql.createPool({
    host,
    port,
    user,
    password,
    database: database || undefined,
    charset: "utf8mb4",
    connectTimeout: target.connectTimeoutMs,
    connectionLimit: Math.min(opts.connectionLimit ?? MAX_CONNECTIONS, MAX_CONNECTIONS),
    maxIdle: Math.min(opts.connectionLimit ?? MAX_CONNECTIONS, MAX_CONNECTIONS),
    // Idle connections are dropped before a server's wait_timeout can close them under a read.
    idleTimeout: 60_000,
    enableKeepAlive: true,
    // Dates as VICIdial stored them (server time, no zone): no conversion through JS Dates.
    dateStrings: true,
    // list_id is BIGINT UNSIGNED and may exceed 2^53.
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
  });

  async function select<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    assertReadOnly(sql);
    let connection: PoolConnection;
    try {
      connection = await pool.getConnection();
    } catch (error) {
      throw new ClusterDbError(error, target, sql);
    }
    let healthy = true;
    try {
      opts.onStatement?.(sql, params);
      const [rows] = await connection.query({ sql, values: params, timeout: target.queryTimeoutMs });
      return rows as T[];
    } catch (error) {
      // After a timeout the server may still answer on this connection; after a lost connection
      // it is dead. Either way it must not go back to the pool.
      healthy = !isConnectionFatal(error);
      throw new ClusterDbError(error, target, sql);
    } finally {
      if (healthy) connection.release();
      else connection.destroy();
    }
  }

  return {
    select,
    async close() {
      await pool.end();
    },
  };
}

function isConnectionFatal(error: unknown): boolean {
  const e = error as { fatal?: boolean; code?: string } | null;
  return Boolean(e?.fatal) || e?.code === "PROTOCOL_SEQUENCE_TIMEOUT";
}
