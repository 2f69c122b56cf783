"use server";

import { revalidatePath } from "next/cache";
import { ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { roleMapFormSchema } from "@/lib/auth/oidc/schemas";
import { saveRoleMap } from "@/lib/auth/oidc/settings";
import { formatRoleMap } from "@/lib/auth/oidc/role-map";
import { env } from "@/lib/config/env";

export const saveRoleMapAction = action({ permission: "settings.manage", schema: roleMapFormSchema, audit: "settings.oidc_role_map" }, async (input, ctx) => {
  ctx.audit.target = "OIDC role map";
  ctx.audit.params = { roleMap: formatRoleMap(input.roleMap) };
  const { before, after } = await saveRoleMap(input.roleMap, ctx.user.id);
  ctx.audit.before = { roleMap: before };
  ctx.audit.after = { roleMap: after };
  revalidatePath("/settings");
  // Saved either way, so it applies the day the environment variable is removed.
  const overridden = Boolean(env().OIDC_ROLE_MAP);
  return ok(null, overridden ? "Role map saved. OIDC_ROLE_MAP is set in the environment and stays in force until it is removed." : "Role map saved. It applies from each person's next sign-in.");
});
