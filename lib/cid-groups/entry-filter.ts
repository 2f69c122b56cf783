/** What the entries view and its CSV export narrow a group's entries to (the page's URL filters). */
export interface EntryViewFilter {
  /** One area code or state. */
  areacode?: string;
  /** Part of a caller ID number; anything but digits is ignored, so a pasted "(727) 555" works. */
  q?: string;
}

export function matchesEntryViewFilter(entry: { areacode: string; outboundCid: string }, filter: EntryViewFilter): boolean {
  const digits = (filter.q ?? "").replace(/\D/g, "");
  return (!filter.areacode || entry.areacode === filter.areacode) && (!digits || entry.outboundCid.includes(digits));
}
