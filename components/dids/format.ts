const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A change's time as people read it; the exact instant stays in the <time> element's dateTime. */
export function formatWhen(date: Date): string {
  return WHEN.format(date);
}
