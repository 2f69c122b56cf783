import type { phoneAliases } from "@/lib/db/schema/inventory";
import type { ApiParameter } from "@/lib/vicidial/parameters";

/**
 * A phone alias's fields, one line each (contract 2.4 add_phone_alias, 2.5 update_phone_alias):
 * the form field, VICIdial's parameter, the inventory column, the label, the CSV header names that
 * also mean it (the agent job's alias column) and its lengths on add and on change. The schemas
 * (lib/aliases/schemas.ts), the parameter map and the agent job's alias column derive from it.
 * Plain data, no zod: the forms use it too.
 */
export interface AliasFieldSpec {
  api: ApiParameter;
  column: keyof typeof phoneAliases.$inferInsert;
  label: string;
  csv: readonly string[];
  /** Shortest value add_phone_alias keeps, and update_phone_alias (absent: the key, never changed). */
  addMin: number;
  changeMin?: number;
}

export const ALIAS_FIELD_TABLE = {
  aliasId: { api: "alias_id", column: "aliasId", label: "Alias ID", csv: ["alias_id", "phone_alias"], addMin: 2 },
  aliasName: { api: "alias_name", column: "aliasName", label: "Alias name", csv: ["alias_name"], addMin: 1, changeMin: 2 },
  // A list in the form, comma-joined in VICIdial and the inventory (lib/aliases/schemas.ts).
  phoneLogins: { api: "phone_logins", column: "phoneLogins", label: "Phone logins", csv: ["phone_logins", "logins"], addMin: 2, changeMin: 2 },
} as const satisfies Record<string, AliasFieldSpec>;

export type AliasField = keyof typeof ALIAS_FIELD_TABLE;
export const ALIAS_FIELDS = Object.keys(ALIAS_FIELD_TABLE) as AliasField[];

/** VICIdial parameter names → form fields, so a VICIdial field error lands beside its field. */
export const ALIAS_FIELD_FOR_PARAMETER: Record<string, AliasField> = Object.fromEntries(ALIAS_FIELDS.map((field) => [ALIAS_FIELD_TABLE[field].api, field]));

/** The add form before anything is typed. */
export const EMPTY_ALIAS_FORM = { aliasId: "", aliasName: "", phoneLogins: [] as string[] };
