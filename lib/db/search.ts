import { sql, type SQL } from "drizzle-orm";

/** `text` for a LIKE pattern, taken literally: `%`, `_` and the escape character itself escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` contains `text` (case as given). A LIKE rather than strpos so a trigram index
 * (gin_trgm_ops) can answer it; the text is escaped, so it matches literally.
 */
export function containsText(column: unknown, text: string): SQL {
  return sql`${column} like ${`%${escapeLike(text)}%`}`;
}
