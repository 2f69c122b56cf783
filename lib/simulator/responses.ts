// Contract 1.6, response grammar. Every line ends with a single LF.

export type ResultWord = "SUCCESS" | "ERROR" | "NOTICE";

/** `{RESULT}: {function} {REASON}: |{user}|{data}` — the ERROR and NOTICE style. */
export function pipeStyle(result: ResultWord, fn: string, reason: string, user: string, ...data: string[]): string {
  return `${result}: ${fn} ${reason}: |${user}|${data.join("|")}\n`;
}

/** `{RESULT}: {function} {REASON} - {user}|{data}` — the SUCCESS style (also copy_did's lines). */
export function dashStyle(result: ResultWord, fn: string, reason: string, user: string, ...data: string[]): string {
  return `${result}: ${fn} ${reason} - ${user}|${data.join("|")}\n`;
}

export const errorLine = (fn: string, reason: string, user: string, ...data: string[]) =>
  pipeStyle("ERROR", fn, reason, user, ...data);

export const noticeLine = (fn: string, reason: string, user: string, ...data: string[]) =>
  pipeStyle("NOTICE", fn, reason, user, ...data);

export const successLine = (fn: string, reason: string, user: string, ...data: string[]) =>
  dashStyle("SUCCESS", fn, reason, user, ...data);

/** The result word of a body's first line, as vicidial_api_log records it. */
export function resultOf(body: string): string {
  return /^(SUCCESS|ERROR|NOTICE|VERSION):/.exec(body)?.[1] ?? "";
}
