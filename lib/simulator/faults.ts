// Injected failures (SimulatorFaults) and the bodies they produce.
import type { SimulatorFaults } from "./types";

export type FaultOutcome = "reset" | "hang" | "http500" | "garbage" | "answer";

export function faultOutcome(faults: SimulatorFaults): FaultOutcome {
  if (faults.reset) return "reset";
  if (faults.hang) return "hang";
  if (faults.http500) return "http500";
  if (faults.garbage) return "garbage";
  return "answer";
}

/** What a misconfigured web tier serves with status 200: HTML, no VICIdial result line. */
export const GARBAGE_BODY =
  "<!DOCTYPE html>\n<html><head><title>Maintenance</title></head>\n" +
  "<body><h1>Service temporarily unavailable</h1><p>The dialer is being upgraded.</p></body></html>\n";

const SCRIPT_PATH = "/srv/www/htdocs/vicidial/non_agent_api.php";

function phpNotice(level: "Deprecated" | "Warning", message: string, line: number): string {
  // PHP's html_errors format when display_errors is on.
  return `<br />\n<b>${level}</b>:  ${message} in <b>${SCRIPT_PATH}</b> on line <b>${line}</b><br />\n`;
}

/** Contract 1.6: PHP 8 noise for unsent parameters and undefined variables, before and after. */
export function withPhpWarnings(body: string): string {
  const before =
    phpNotice("Deprecated", "preg_replace(): Passing null to parameter #3 ($subject) of type array|string is deprecated", 1186) +
    phpNotice("Deprecated", "preg_replace(): Passing null to parameter #3 ($subject) of type array|string is deprecated", 1187);
  const after = phpNotice("Warning", "Undefined variable $PHP_AUTH_USER", 5562) + phpNotice("Warning", "Undefined variable $value", 5563);
  return before + body + after;
}
