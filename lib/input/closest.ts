import { asVicidialKeeps, charactersVicidialDrops, type ApiParameter } from "@/lib/vicidial/parameters";

/**
 * The closest value VICIdial keeps, for text it would otherwise mangle: `Zoë` → `Zoe`,
 * `O'Brien` → `OBrien` (what VICIdial itself stores, contract section 4). Accents come off
 * their letters; letters with no accent to remove are spelled out; anything else VICIdial would
 * delete is deleted here, where the user sees it and chooses.
 */
const SPELLED: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  ı: "i",
};

export function closestStored(api: ApiParameter, value: string): string | null {
  if (charactersVicidialDrops(api, value).length === 0) return null;
  const plain = [...value.normalize("NFKD").replace(/\p{M}/gu, "")].map((character) => SPELLED[character] ?? character).join("");
  const kept = asVicidialKeeps(api, plain).replace(/ {2,}/g, " ").trim();
  return kept && kept !== value ? kept : null;
}
