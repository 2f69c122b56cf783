"use server";

import { revalidatePath } from "next/cache";
import { ok, type ActionResult } from "@/lib/actions/result";
import { action, type ActionContext } from "@/lib/actions/action";
import { changeRoleSchema, createUserSchema, userIdSchema } from "@/lib/auth/schemas";
import { changeRole, createUser, getUser, resetPassword, setDisabled, type UserChange, type UserSummary } from "@/lib/auth/users";

/** What the audit log keeps of a user: never the password, hashed or not. */
const auditView = (u: UserSummary) => ({ username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabled });

async function targetUser(userId: number, ctx: ActionContext): Promise<void> {
  ctx.audit.target = (await getUser(userId))?.username ?? `user #${userId}`;
}

function recordChange(result: ActionResult<UserChange>, ctx: ActionContext): ActionResult<null> {
  if (!result.ok) return result;
  ctx.audit.before = auditView(result.data.before);
  ctx.audit.after = auditView(result.data.after);
  revalidatePath("/users");
  return ok(null, result.message);
}

export const createUserAction = action(
  { permission: "users.manage", schema: createUserSchema, audit: "user.create" },
  async (input, ctx): Promise<ActionResult<{ username: string; oneTimePassword: string }>> => {
    ctx.audit.target = input.username;
    const result = await createUser(input);
    if (!result.ok) return result;
    ctx.audit.after = auditView(result.data.user);
    revalidatePath("/users");
    // Shown once to the admin who created the user; only its hash is stored.
    return ok({ username: result.data.user.username, oneTimePassword: result.data.oneTimePassword! }, result.message);
  },
);

export const changeRoleAction = action({ permission: "users.manage", schema: changeRoleSchema, audit: "user.role" }, async (input, ctx) => {
  await targetUser(input.userId, ctx);
  return recordChange(await changeRole({ actorId: ctx.user.id, userId: input.userId, role: input.role }), ctx);
});

export const disableUserAction = action({ permission: "users.manage", schema: userIdSchema, audit: "user.disable" }, async (input, ctx) => {
  await targetUser(input.userId, ctx);
  return recordChange(await setDisabled({ actorId: ctx.user.id, userId: input.userId, disabled: true }), ctx);
});

export const enableUserAction = action({ permission: "users.manage", schema: userIdSchema, audit: "user.enable" }, async (input, ctx) => {
  await targetUser(input.userId, ctx);
  return recordChange(await setDisabled({ actorId: ctx.user.id, userId: input.userId, disabled: false }), ctx);
});

export const resetPasswordAction = action(
  { permission: "users.manage", schema: userIdSchema, audit: "user.reset_password" },
  async (input, ctx): Promise<ActionResult<{ username: string; oneTimePassword: string }>> => {
    await targetUser(input.userId, ctx);
    const result = await resetPassword({ userId: input.userId });
    if (!result.ok) return result;
    ctx.audit.after = { mustChangePassword: true };
    revalidatePath("/users");
    return ok({ username: result.data.user.username, oneTimePassword: result.data.oneTimePassword }, result.message);
  },
);
