import { ClusterDbError, ReadOnlyViolation } from "./mysql";

/**
 * What went wrong reading VICIdial's database, in words an administrator can act on: which
 * server, which account, which table. The sync status, the overview and the banners show it.
 */
export function describeClusterError(error: unknown): string {
  if (error instanceof ReadOnlyViolation) return "The dashboard refused to send a statement that is not a read to VICIdial's database.";
  const target = error instanceof ClusterDbError ? error.target : undefined;
  const cause = error instanceof ClusterDbError ? error.cause : error;
  const code = (cause as { code?: string } | null)?.code ?? "";
  const message = cause instanceof Error ? cause.message : String(cause);
  const where = target ? `${target.host}:${target.port}` : "the configured host";
  const db = target?.database ? `"${target.database}"` : "the configured database";
  const account = target?.user ? `"${target.user}"` : "the configured account";

  switch (code) {
    case "ECONNREFUSED":
      return `VICIdial's database at ${where} cannot be reached: the connection was refused (is MySQL/MariaDB running and listening there?).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `VICIdial's database host ${target ? `"${target.host}"` : ""} cannot be found (check the host name in VICIDIAL_DB_URL).`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `VICIdial's database at ${where} cannot be reached: no route to the host.`;
    case "ETIMEDOUT":
      return `VICIdial's database at ${where} cannot be reached: no answer within ${seconds(target?.connectTimeoutMs)} (a firewall, or the wrong host or port?).`;
    case "ER_ACCESS_DENIED_ERROR":
    case "ER_ACCESS_DENIED_NO_PASSWORD_ERROR":
      return `VICIdial's database at ${where} refused the account ${account}: wrong user name or password, or the account may not connect from this host.`;
    case "ER_DBACCESS_DENIED_ERROR":
      return `The account ${account} may not use database ${db} (grant it SELECT on ${target?.database || "the database"}.*).`;
    case "ER_BAD_DB_ERROR":
      return `VICIdial's database server at ${where} has no database ${db} (VICIdial's is usually "asterisk").`;
    case "ER_NO_DB_ERROR":
      return "VICIDIAL_DB_URL names no database: end it with the database's name, usually /asterisk.";
    case "PROTOCOL_SEQUENCE_TIMEOUT":
      return `VICIdial's database at ${where} did not answer a read within ${seconds(target?.queryTimeoutMs)}; timed out.`;
    case "PROTOCOL_CONNECTION_LOST":
    case "ER_CONNECTION_KILLED":
    case "ER_SERVER_SHUTDOWN":
    case "ECONNRESET":
    case "EPIPE":
    case "ER_QUERY_INTERRUPTED":
      return `The connection to VICIdial's database at ${where} was lost in the middle of a read (server restarted, connection killed or network cut); the next read reconnects.`;
    case "ER_NO_SUCH_TABLE": {
      const table = /Table '(?:[^'.]*\.)?([^']+)' doesn't exist/.exec(message)?.[1] ?? tableOf(error);
      return `VICIdial's database ${db} has no table "${table}": is this VICIdial's database, and is VICIdial up to date?`;
    }
    case "ER_BAD_FIELD_ERROR": {
      const column = /Unknown column '(?:[^']*\.)?([^'.]+)'/.exec(message)?.[1] ?? "?";
      const table = tableOf(error);
      return `VICIdial's table "${table}" has no column "${column}": this VICIdial version is older or newer than the dashboard expects.`;
    }
    case "ER_TABLEACCESS_DENIED_ERROR":
    case "ER_COLUMNACCESS_DENIED_ERROR":
      return `The account ${account} may not read ${tableOf(error) ? `table "${tableOf(error)}"` : "a table the dashboard needs"} (grant it SELECT on ${target?.database || "the database"}.*).`;
    case "ER_CON_COUNT_ERROR":
    case "ER_TOO_MANY_USER_CONNECTIONS":
      return `VICIdial's database at ${where} has too many connections open and refused another.`;
    default:
      return `Reading VICIdial's database${target ? ` at ${where}` : ""} failed: ${message}`;
  }
}

function seconds(ms: number | undefined): string {
  if (ms === undefined) return "the time allowed";
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** The first table the failed statement reads from, to name it in the message. */
function tableOf(error: unknown): string {
  const sql = error instanceof ClusterDbError ? error.sql : undefined;
  return (sql && /\bFROM\s+`?(\w+)`?/i.exec(sql)?.[1]) || "";
}
