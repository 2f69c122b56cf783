/**
 * Whether an account can change anything in VICIdial's database, from its `SHOW GRANTS` lines.
 * Only privileges on that database (or on every database) count; what it may do elsewhere is not
 * our concern. SELECT, USAGE (no privilege at all) and SHOW VIEW only read; any other privilege,
 * ALL PRIVILEGES included, lets the account write, so the overview recommends a SELECT-only one.
 */
const READ_ONLY_PRIVILEGES = new Set(["SELECT", "USAGE", "SHOW VIEW"]);

const GRANT_LINE = /^GRANT\s+(.+?)\s+ON\s+(?:(?:TABLE|FUNCTION|PROCEDURE|PACKAGE BODY|PACKAGE)\s+)?(\S+)\s+TO\s/i;

export function canWriteFromGrants(lines: readonly string[], database: string): boolean {
  return lines.some((line) => {
    const match = GRANT_LINE.exec(line.trim());
    // Role grants ("GRANT `role` TO …") name no privilege themselves; the active role's own
    // privileges appear as lines of their own.
    if (!match) return false;
    const [, privilegeList, target] = match;
    if (!appliesTo(target!, database)) return false;
    // Column lists ("SELECT (a, b)") hold commas of their own.
    const privileges = privilegeList!
      .replace(/\([^)]*\)/g, "")
      .split(",")
      .map((privilege) => privilege.trim().toUpperCase().replace(/\s+/g, " "));
    return privileges.some((privilege) => !READ_ONLY_PRIVILEGES.has(privilege));
  });
}

/** `*.*`, `db`.*, `db`.`table`, or a database pattern such as `asterisk\_%`. */
function appliesTo(target: string, database: string): boolean {
  const dbPart = target.startsWith("`") ? unquote(target) : target.split(".")[0]!;
  if (dbPart === "*") return true;
  // PROXY ON ''@'%' and the like name an account, not a database.
  if (target.includes("@")) return false;
  return patternToRegExp(dbPart).test(database);
}

function unquote(target: string): string {
  let out = "";
  for (let i = 1; i < target.length; i++) {
    if (target[i] === "`") {
      if (target[i + 1] === "`") {
        out += "`";
        i++;
        continue;
      }
      break;
    }
    out += target[i];
  }
  return out;
}

/** A GRANT's database name: `%` and `_` are wildcards unless escaped with a backslash. */
function patternToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (c === "%") source += ".*";
    else if (c === "_") source += ".";
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, "i");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
