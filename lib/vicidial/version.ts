import "server-only";
import { z } from "zod";
import type { VicidialClient } from "./client";
import type { VicidialResult } from "./errors";
import { perform, type CallContext, type Operation } from "./operation";
import type { ResultLine } from "./parse";

/**
 * `VERSION: 2.14-194|BUILD: 241004-1518|DATE: …|EPOCH: …|DST: 0|TZ: -5.00|TZNOW: -5.00|` (2.1).
 * Only VERSION and BUILD are required: older releases print fewer fields.
 */
const versionFields = z
  .object({
    VERSION: z.string().min(1),
    BUILD: z.string().min(1),
    DATE: z.string().optional(),
    EPOCH: z.string().regex(/^\d+$/).transform(Number).optional(),
    DST: z.enum(["0", "1"]).transform((flag) => flag === "1").optional(),
    TZ: z.string().optional(),
    TZNOW: z.string().optional(),
  })
  .transform((fields) => ({
    version: fields.VERSION,
    build: fields.BUILD,
    /** The web server's clock, `YYYY-MM-DD HH:MM:SS`. */
    serverTime: fields.DATE,
    epoch: fields.EPOCH,
    dst: fields.DST,
    /** Raw `servers.local_gmt` of the first active server, such as `-5.00`; empty if none is active. */
    timeZone: fields.TZ,
    /** TZ plus one hour while DST is in effect, reformatted by PHP (`-4`). */
    timeZoneNow: fields.TZNOW,
  }));

export type VersionInfo = z.output<typeof versionFields>;

export function parseVersionLine(line: ResultLine): VersionInfo | undefined {
  const fields: Record<string, string> = {};
  for (const part of line.text.split("|")) {
    const colon = part.indexOf(": ");
    if (colon > 0) fields[part.slice(0, colon)] = part.slice(colon + 2);
  }
  const parsed = versionFields.safeParse(fields);
  return parsed.success ? parsed.data : undefined;
}

export const versionOperation: Operation<VersionInfo> = {
  apiFunction: "version",
  subject: { thing: "version", things: "versions", right: "read the version", changesData: false },
  read: true,
  authenticated: false,
  verdict: "first",
  success(_body, lines) {
    const line = lines.find((candidate) => candidate.status === "VERSION");
    const data = line && parseVersionLine(line);
    return data ? { data, rawLines: [line.text] } : undefined;
  },
};

/** VICIdial's version and clock; needs no login, so it is the health check (2.1). */
export function version(context: CallContext = { source: "dashboard" }, client?: VicidialClient): Promise<VicidialResult<VersionInfo>> {
  return perform(versionOperation, [], context, { client });
}
