import { z } from "zod";
import { parseRoleMap } from "@/lib/auth/oidc/role-map";

/**
 * Every setting the dashboard reads, parsed once. A wrong value stops start-up with one line
 * naming the variable (see formatEnvError), never a stack trace.
 */
const optionalString = z
  .string()
  .transform((v) => (v.trim() === "" ? undefined : v.trim()))
  .optional();

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(max, `must be at most ${max}`).default(fallback);

export const envSchema = z.object({
  VICIDIAL_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, message: "must be the full http(s) URL of non_agent_api.php" })
      .optional(),
  ),
  VICIDIAL_API_USER: optionalString,
  VICIDIAL_API_PASS: optionalString,
  VICIDIAL_HTTP_METHOD: z.enum(["POST", "GET"], { message: "must be POST or GET" }).default("POST"),
  VICIDIAL_TIMEOUT_MS: positiveInt(10_000, 120_000),
  VICIDIAL_MAX_IN_FLIGHT: positiveInt(4, 64),
  /** Set by start-up when it launched the built-in simulator itself. */
  VICIDIAL_SIMULATED: z.enum(["1"]).optional(),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  /** VICIdial's own database, SELECT-only account (lib/cluster): lists show everything the cluster holds. */
  VICIDIAL_DB_URL: optionalString.pipe(
    z
      .string()
      .regex(/^mysql:\/\//, "must be a mysql:// URL such as mysql://dashboard_ro:secret@10.0.0.5:3306/asterisk")
      .optional(),
  ),
  /** Basic auth of VICIdial's web server for call recordings (lib/calls/recordings), when it asks for one. */
  VICIDIAL_RECORDINGS_USER: optionalString,
  VICIDIAL_RECORDINGS_PASS: optionalString,
  /** Seconds between full cluster sync passes; the admin log is followed in between. */
  VICIDIAL_SYNC_INTERVAL_S: positiveInt(60, 24 * 3600),
  DATA_DIR: z.string().default("./data"),
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  /** Fixes the demo admin's password (browser tests); otherwise one is generated. */
  DEMO_ADMIN_PASSWORD: optionalString,
  /**
   * bcrypt cost of new password hashes (lib/auth/password). Each step doubles the work; a stored
   * hash keeps the cost it was made with. Lower only for test servers (the browser tests use 4).
   */
  PASSWORD_HASH_COST: z.coerce.number().int("must be a whole number").min(4, "must be at least 4").max(15, "must be at most 15").default(12),
  JOB_CONCURRENCY: positiveInt(4, 16),
  /** Hours a finished job's password sheet is kept when its creator has not confirmed saving it. */
  SHEET_KEEP_HOURS: positiveInt(24, 24 * 30),
  /** A session ends after this many minutes without a request from its user (lib/auth/session-lifetime). */
  SESSION_IDLE_MINUTES: positiveInt(480, 7 * 24 * 60),
  /** A session ends this many hours after sign-in, however active (lib/auth/session-lifetime). */
  SESSION_MAX_HOURS: positiveInt(12, 30 * 24),
  /**
   * After this long without a heartbeat an instance counts as gone and another one reconciles its
   * rows. Keep it above twice VICIDIAL_TIMEOUT_MS: a request may not outlive its sender's claim.
   */
  JOB_STALE_AFTER_MS: positiveInt(45_000, 3_600_000),
  /** Single sign-on (lib/auth/oidc): all three or none. */
  OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/, message: "must be the issuer's http(s) URL" }).optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  OIDC_ROLE_CLAIM: optionalString,
  OIDC_ROLE_MAP: optionalString,
  /** A single sign-on session also ends at SESSION_MAX_HOURS, whichever comes first. */
  OIDC_SESSION_SECONDS: positiveInt(3_600, 30 * 24 * 3600),
  LOCAL_LOGIN: z.enum(["on", "breakglass", "off"], { message: "must be on, breakglass or off" }).default("on"),
  LOCAL_LOGIN_BREAKGLASS: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export function formatEnvError(error: z.ZodError): string {
  const issue = error.issues[0];
  const name = issue?.path.join(".") || "environment";
  return `Configuration error: ${name} ${issue?.message ?? "is invalid"}`;
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(formatEnvError(parsed.error));
  const env = parsed.data;
  if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60) {
    throw new Error("Configuration error: SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_HOURS");
  }
  if (env.VICIDIAL_URL && !env.VICIDIAL_SIMULATED && (!env.VICIDIAL_API_USER || !env.VICIDIAL_API_PASS)) {
    throw new Error("Configuration error: VICIDIAL_API_USER and VICIDIAL_API_PASS are required when VICIDIAL_URL is set");
  }
  if (env.JOB_STALE_AFTER_MS <= 2 * env.VICIDIAL_TIMEOUT_MS) {
    throw new Error("Configuration error: JOB_STALE_AFTER_MS must be more than twice VICIDIAL_TIMEOUT_MS");
  }
  checkSingleSignOn(env);
  return env;
}

/** Half a single sign-on set-up, or local sign-in switched off with nothing to replace it, stops start-up. */
function checkSingleSignOn(env: Env): void {
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new Error("Configuration error: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none");
  }
  if (env.OIDC_ROLE_MAP) {
    const map = parseRoleMap(env.OIDC_ROLE_MAP);
    if (!map.ok) throw new Error(`Configuration error: OIDC_ROLE_MAP ${map.message}`);
  }
  if (env.LOCAL_LOGIN !== "on" && !env.OIDC_ISSUER) {
    throw new Error(`Configuration error: LOCAL_LOGIN=${env.LOCAL_LOGIN} needs single sign-on (OIDC_ISSUER), or nobody could sign in`);
  }
  if (env.LOCAL_LOGIN === "breakglass" && !env.LOCAL_LOGIN_BREAKGLASS) {
    throw new Error("Configuration error: LOCAL_LOGIN_BREAKGLASS must name the break-glass accounts (comma-separated) when LOCAL_LOGIN=breakglass");
  }
}

let cached: { source: string; env: Env } | undefined;

/** The parsed environment, re-read only if the process environment changed (start-up sets a few values). */
export function env(): Env {
  const key = JSON.stringify([
    process.env.VICIDIAL_URL,
    process.env.VICIDIAL_SIMULATED,
    process.env.VICIDIAL_API_USER,
    process.env.VICIDIAL_API_PASS,
    process.env.AUTH_SECRET,
    process.env.DATABASE_URL,
    process.env.DATA_DIR,
    process.env.SHEET_KEEP_HOURS,
  ]);
  if (!cached || cached.source !== key) cached = { source: key, env: parseEnv() };
  return cached.env;
}

/** Demo mode: no real VICIdial configured, the built-in simulator answers. */
export function isDemoMode(e: Env = env()): boolean {
  return !e.VICIDIAL_URL || e.VICIDIAL_SIMULATED === "1";
}
