"use server";

import { ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { changeOwnPasswordSchema } from "@/lib/auth/schemas";
import { changeOwnPassword } from "@/lib/auth/users";

export const changeOwnPasswordAction = action(
  { permission: "account.self", schema: changeOwnPasswordSchema, audit: "user.change_password" },
  async (input, ctx) => {
    ctx.audit.target = ctx.user.username;
    // Nothing of the input belongs in the log, not even redacted.
    ctx.audit.params = {};
    const result = await changeOwnPassword({ userId: ctx.user.id, currentPassword: input.currentPassword, newPassword: input.newPassword });
    return result.ok ? ok(null, result.message) : result;
  },
);
