// Contract 2.1: answered before authentication; the only call safe for health checks.
import { isDaylightSaving, phpDateTime, unixSeconds, utcOffsetAsNumber } from "../clock";
import type { SimulatorState } from "../state";

export const VICIDIAL_VERSION = "2.14-194";
export const VICIDIAL_BUILD = "241004-1518";

export function versionLine(state: SimulatorState, now: Date): string {
  const dst = isDaylightSaving(now);
  const server = state.servers.find((s) => s.active === "Y");
  const tz = server?.local_gmt ?? "";
  // PHP arithmetic reformats the number: "-5.00" + 1 prints as -4. With no active server
  // the script falls back to date("O") / 100, so +05:30 prints as 5.3.
  let tzNow: string;
  if (!server) tzNow = String(utcOffsetAsNumber(now) / 100);
  else if (dst) tzNow = String(Number(tz) + 1);
  else tzNow = tz;
  return (
    `VERSION: ${VICIDIAL_VERSION}|BUILD: ${VICIDIAL_BUILD}|DATE: ${phpDateTime(now)}|` +
    `EPOCH: ${unixSeconds(now)}|DST: ${dst ? 1 : 0}|TZ: ${tz}|TZNOW: ${tzNow}|\n`
  );
}
