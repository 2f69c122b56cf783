import type { ApiParameter } from "@/lib/vicidial/parameters";

/**
 * A CID group entry's fields, one line each (contract 2.9, update_cid_group_entry): the form
 * field, VICIdial's parameter, the label, the CSV header names that also mean it, the characters
 * it may hold in words and its lengths. The schemas (lib/cid-groups/schemas.ts), the parameter
 * map for VICIdial's field errors and the CSV job's columns (lib/jobs/prepare/cid.ts) are derived
 * from it. Plain data, no zod: the forms import it as it is.
 */
export interface CidFieldSpec {
  api: ApiParameter;
  label: string;
  /** Header names a CSV file may use for it, besides its parameter name and label. */
  csv: readonly string[];
  /** The characters VICIdial keeps, as the message says it. */
  allowed: string;
  min?: number;
  max?: number;
}

export const CID_FIELD_TABLE = {
  groupId: { api: "cid_group_id", label: "CID group", csv: [], allowed: "Use only letters, digits, - and _", max: 20 },
  // An area code or a state: whatever the group's type keys on (VICIdial keeps 5 characters).
  areacode: { api: "areacode", label: "Area code", csv: ["area code", "area", "state"], allowed: "Use only letters and digits", max: 5 },
  // VICIdial refuses fewer than 4 digits on ADD; its column holds 20.
  outboundCid: { api: "outbound_cid", label: "Outbound CID", csv: ["outboundcid", "cid", "caller id", "callerid"], allowed: "The outbound CID may contain only digits", min: 4, max: 20 },
  description: { api: "cid_description", label: "Description", csv: ["cid_description", "desc"], allowed: "Use only letters, digits, spaces and . , - _", max: 50 },
  active: { api: "active", label: "Active", csv: [], allowed: "Y or N" },
} as const satisfies Record<string, CidFieldSpec>;

export type CidField = keyof typeof CID_FIELD_TABLE;
export const CID_FIELDS = Object.keys(CID_FIELD_TABLE) as CidField[];

export const GROUP_ID_MAX = CID_FIELD_TABLE.groupId.max;
export const AREACODE_MAX = CID_FIELD_TABLE.areacode.max;
export const CID_MIN = CID_FIELD_TABLE.outboundCid.min;
export const CID_MAX = CID_FIELD_TABLE.outboundCid.max;
export const DESCRIPTION_MAX = CID_FIELD_TABLE.description.max;

/** VICIdial parameter names → form fields, so a VICIdial field error lands beside its field. */
export const CID_FIELD_FOR_PARAMETER: Record<string, CidField> = Object.fromEntries(CID_FIELDS.map((field) => [CID_FIELD_TABLE[field].api, field]));
