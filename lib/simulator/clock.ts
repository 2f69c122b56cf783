// PHP date() equivalents on the simulator's (injectable) clock, in the process's time zone,
// which plays the web server's time zone.

const pad = (n: number) => String(n).padStart(2, "0");

/** date("Y-m-d H:i:s") */
export function phpDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** date("U") */
export function unixSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

/** date("I"): the offset differs from the zone's standard (larger-offset-from-east) one. */
export function isDaylightSaving(d: Date): boolean {
  const january = new Date(d.getFullYear(), 0, 1).getTimezoneOffset();
  const july = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
  return d.getTimezoneOffset() < Math.max(january, july);
}

/** date("O") read as a number, e.g. "+0530" -> 530, "-0500" -> -500. */
export function utcOffsetAsNumber(d: Date): number {
  const minutesEast = -d.getTimezoneOffset();
  const sign = minutesEast < 0 ? -1 : 1;
  const abs = Math.abs(minutesEast);
  return sign * (Math.floor(abs / 60) * 100 + (abs % 60));
}
