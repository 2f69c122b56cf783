import { z } from "zod";
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "./password-length";
import { ROLES } from "./permissions";

/**
 * The user-management and sign-in operations, one schema each: the forms resolve with them and
 * the actions parse with them again.
 */

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters")
  .max(32, "At most 32 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Letters, digits, dot, dash and underscore only, starting with a letter or digit");

export const displayNameSchema = z.string().trim().min(1, "Enter the person's name").max(80, "At most 80 characters");

export const roleSchema = z.enum(ROLES, { message: "Choose a role" });

export { MIN_PASSWORD_LENGTH } from "./password-length";

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .refine((value) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES, `At most ${MAX_PASSWORD_BYTES} bytes (about 72 letters)`);

const userId = z.coerce.number({ message: "Unknown user" }).int("Unknown user").positive("Unknown user");

export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your username"),
  password: z.string().min(1, "Enter your password"),
});

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
});

export const changeRoleSchema = z.object({ userId, role: roleSchema });

export const userIdSchema = z.object({ userId });

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().min(1, "Type the new password again"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;
