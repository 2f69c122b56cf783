import { z } from "zod";
import { PARAMETER_RULES } from "@/lib/vicidial/parameters";
import { ALIAS_FIELD_TABLE } from "@/lib/aliases/fields";
import { textProblem, vicidialText } from "../phones/schemas";
import { joinLogins } from "./logins";

export { joinLogins, splitLogins } from "./logins";

/**
 * The phone alias operations (contract 2.4 add_phone_alias, 2.5 update_phone_alias). The logins
 * are a list in the form and a comma-joined string in VICIdial, whose column keeps 255
 * characters and silently cuts the rest.
 */

/** `/aliases/new` is the add page, so an alias with this ID could never be opened. */
const RESERVED_IDS = ["new"];

const { aliasId: ID, aliasName: NAME, phoneLogins: LOGINS } = ALIAS_FIELD_TABLE;

export const aliasIdSchema = vicidialText(ID.api, {
  min: ID.addMin,
  check: (value) => (RESERVED_IDS.includes(value) ? `“${value}” is reserved by the dashboard; choose another alias ID` : undefined),
});

const LOGINS_MAX = PARAMETER_RULES[LOGINS.api].maxLength;

/** The logins joined as VICIdial stores them. */
/** Ordered, each a valid phone login, no repeats, and together within the 255-character column. */
export const phoneLoginsSchema = z
  .array(z.string().trim(), { error: "Choose at least one phone login" })
  .superRefine((logins, ctx) => {
    if (logins.length === 0) {
      ctx.addIssue("Choose at least one phone login");
      return;
    }
    for (const login of logins) {
      const problem = textProblem("phone_login", login, { min: 1, emptyMessage: "A phone login in the list is empty" });
      if (problem) {
        ctx.addIssue(login ? `${problem} (${login})` : problem);
        return;
      }
    }
    const repeated = logins.find((login, index) => logins.indexOf(login) !== index);
    if (repeated) {
      ctx.addIssue(`The phone login ${repeated} is in the list twice`);
      return;
    }
    const joined = joinLogins(logins);
    // VICIdial refuses a list shorter than 2 characters (2.4), which only a one-letter login is.
    if (joined.length < LOGINS.addMin) ctx.addIssue(`A single phone login must be at least ${LOGINS.addMin} characters`);
    else if (joined.length > LOGINS_MAX) {
      ctx.addIssue(
        `The phone logins take ${joined.length} characters with their commas; VICIdial keeps only ${LOGINS_MAX}, so remove some logins`,
      );
    }
  });

export const addAliasSchema = z.object({
  aliasId: aliasIdSchema,
  aliasName: vicidialText(NAME.api, { min: NAME.addMin }),
  phoneLogins: phoneLoginsSchema,
});

export type AddAliasInput = z.input<typeof addAliasSchema>;
export type AddAlias = z.output<typeof addAliasSchema>;

/** update_phone_alias (2.5): the name must then be 2–50 characters; absent fields are not sent. */
export const updateAliasSchema = z
  .object({
    aliasId: vicidialText(ID.api, { min: ID.addMin }),
    aliasName: vicidialText(NAME.api, { min: NAME.changeMin, emptyMessage: "VICIdial cannot remove an alias name; type a new one" }).optional(),
    phoneLogins: phoneLoginsSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.aliasName === undefined && input.phoneLogins === undefined) {
      ctx.addIssue({ code: "custom", message: "Nothing has changed", path: [] });
    }
  });

export type UpdateAliasInput = z.input<typeof updateAliasSchema>;
export type UpdateAlias = z.output<typeof updateAliasSchema>;

export const deleteAliasSchema = z.object({ aliasId: vicidialText(ID.api, { min: ID.addMin }) });

/** "Add an existing phone alias to the list": its ID alone, with the add form's rule. */
export const existingAliasSchema = z.object({ aliasId: aliasIdSchema });
export type DeleteAlias = z.output<typeof deleteAliasSchema>;

export { ALIAS_FIELD_FOR_PARAMETER } from "@/lib/aliases/fields";
