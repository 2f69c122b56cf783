/**
 * A DID pattern is matched against the number a call was dialled to, which is digits. A pattern
 * of letters only (`SALESLINE`) is accepted by VICIdial but no call ever reaches it. VICIdial's
 * own `default` DID (calls no other DID matched) and wildcard patterns (`_X`, with an underscore
 * and digits) are the exceptions and stay allowed without a word.
 */
export function didPatternWarning(value: string): string | undefined {
  const pattern = value.trim();
  if (!/^[A-Za-z]+$/.test(pattern) || pattern.toLowerCase() === "default") return undefined;
  return `${pattern} is letters only: it will never match a dialled number, so no call reaches this DID. Use the number as the carrier sends it, such as 7275551212.`;
}
