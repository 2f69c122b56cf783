/**
 * Counts in words, in one place: "1 entry", "3 entries", and never "All 1 entry". English
 * plurals the dashboard needs are regular enough to take the plural form as an argument.
 */
function pluralOf(singular: string): string {
  if (/(s|x|ch|sh)$/.test(singular)) return `${singular}es`;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

/** "1 entry", "0 entries", "12 DIDs". */
export function countOf(n: number, singular: string, plural: string = pluralOf(singular)): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "the 1 entry" / "all 3 entries": "all" only when there is more than one. */
export function allOf(n: number, singular: string, plural: string = pluralOf(singular)): string {
  return n === 1 ? `the 1 ${singular}` : `all ${countOf(n, singular, plural)}`;
}

/** "is" for one, "are" for several, to agree with a count. */
export function isAre(n: number): string {
  return n === 1 ? "is" : "are";
}

/** The first letter in capitals, for a count that starts a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
