/**
 * The response grammar of non_agent_api.php (contract 1.6). PHP warning text may surround the
 * real line (1.6, display_errors), so lines are picked by prefix, never by position.
 */
export type ResultStatus = "SUCCESS" | "ERROR" | "NOTICE" | "VERSION";

export interface ResultLine {
  status: ResultStatus;
  /** The whole line as received (not yet scrubbed). */
  text: string;
  /** `add_did`, `auth`, `callid_info`...; absent for `Login incorrect` and similar lines. */
  apiFunction?: string;
  /** The upper-case sentence between the function name and the user ("DID ALREADY EXISTS"). */
  reason: string;
  user?: string;
  /** The `|`-separated values after the user. */
  data: string[];
}

const RESULT_LINE = /^(SUCCESS|ERROR|NOTICE|VERSION): ?(.*)$/;
const DATABASE_FAILURE = /^MySQL connect ERROR:/m;
const FUNCTION_NAME = /^[a-z][a-z_]*$/;
/** `{reason} - {user}` (SUCCESS style) or `{reason}: {user}` (callid_info errors). */
const REASON_AND_USER = /^(.*)(?: - |: )(\S*)$/;

export function splitLines(body: string): string[] {
  return body.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

export function hasDatabaseFailure(body: string): boolean {
  return DATABASE_FAILURE.test(body);
}

/** All SUCCESS/ERROR/NOTICE/VERSION lines, in order, parsed. */
export function resultLines(body: string): ResultLine[] {
  const lines: ResultLine[] = [];
  for (const text of splitLines(body)) {
    const line = parseResultLine(text);
    if (line) lines.push(line);
  }
  return lines;
}

export function parseResultLine(text: string): ResultLine | undefined {
  const match = RESULT_LINE.exec(text);
  if (!match) return undefined;
  const status = match[1] as ResultStatus;
  const rest = match[2] ?? "";
  const pipe = rest.indexOf("|");
  let head = pipe < 0 ? rest : rest.slice(0, pipe);
  let data = pipe < 0 ? [] : rest.slice(pipe + 1).split("|");
  let user: string | undefined;

  if (head.endsWith(": ")) {
    // ERROR/NOTICE style: `{reason}: |{user}|{data}`.
    head = head.slice(0, -2);
    user = data[0];
    data = data.slice(1);
  } else {
    const split = REASON_AND_USER.exec(head);
    if (split) {
      head = split[1] ?? "";
      user = split[2];
    }
  }

  const space = head.indexOf(" ");
  const firstWord = space < 0 ? head : head.slice(0, space);
  const apiFunction = FUNCTION_NAME.test(firstWord) && space > 0 ? firstWord : undefined;
  const reason = apiFunction ? head.slice(space + 1) : head;
  return { status, text, apiFunction, reason, user, data };
}
