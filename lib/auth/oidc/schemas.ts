import { z } from "zod";
import { parseRoleMap } from "./role-map";

/** The settings page's role map, one `group=role` per line or comma-separated. */
export const roleMapFormSchema = z.object({
  roleMap: z.string().transform((text, ctx) => {
    const parsed = parseRoleMap(text);
    if (parsed.ok) return parsed.map;
    ctx.addIssue({ code: "custom", message: `The role map ${parsed.message}` });
    return z.NEVER;
  }),
});
