import { changeOwnPasswordAction } from "@/app/(dashboard)/account/actions";
import { refreshConnectionAction, syncNowAction } from "@/app/(dashboard)/actions";
import { saveRoleMapAction } from "@/app/(dashboard)/settings/actions";
import { changeRoleAction, createUserAction, disableUserAction, enableUserAction, resetPasswordAction } from "@/app/(dashboard)/users/actions";
import { CALL_ACTION_CASES } from "./calls.cases";
import { CID_GROUP_ACTION_CASES } from "./cid-groups.cases";
import { DID_ACTION_CASES } from "./dids.cases";
import { JOB_ACTION_CASES } from "./jobs.cases";
import { PHONE_ACTION_CASES } from "./phones.cases";
import { UNDO_ACTION_CASES } from "./undo.cases";
import type { Permission } from "@/lib/auth/permissions";

/**
 * Every server action, with the permission DESIGN.md's roles table gives it. The role-matrix test
 * (action-matrix.test.ts) calls each one as anonymous and as every role, and fails if a server
 * action exists that is missing here. Each resource keeps its list in app/(dashboard)/action-matrix/<resource>.cases.ts
 * and adds it to ACTION_CASES below.
 */
export interface ActionCase {
  name: string;
  // Any action: a function taking (prev, input) is assignable here whatever its input type.
  action: (prev: unknown, input: never) => Promise<unknown>;
  permission: Permission;
  /**
   * Input the action's schema accepts. With it, allowed calls must reach the handler; without it,
   * they must at least get past the session and permission checks (a validation answer counts).
   */
  validInput?: unknown;
}

const USER_ACTION_CASES: ActionCase[] = [
  { name: "createUserAction", action: createUserAction, permission: "users.manage", validInput: { username: "new.user", displayName: "New User", role: "qa" } },
  { name: "changeRoleAction", action: changeRoleAction, permission: "users.manage", validInput: { userId: 2, role: "supervisor" } },
  { name: "disableUserAction", action: disableUserAction, permission: "users.manage", validInput: { userId: 2 } },
  { name: "enableUserAction", action: enableUserAction, permission: "users.manage", validInput: { userId: 2 } },
  { name: "resetPasswordAction", action: resetPasswordAction, permission: "users.manage", validInput: { userId: 2 } },
  {
    name: "changeOwnPasswordAction",
    action: changeOwnPasswordAction,
    permission: "account.self",
    validInput: { currentPassword: "old password", newPassword: "a new password 1", confirmPassword: "a new password 1" },
  },
];

/**
 * Bulk jobs: starting one needs the write permission of what it changes; steering one, jobs.run.
 * No sample inputs yet (the jobs issue moves these to app/(dashboard)/action-matrix/jobs.cases.ts with inputs).
 */
export const ACTION_CASES: ActionCase[] = [
  { name: "refreshConnectionAction", action: refreshConnectionAction, permission: "account.self", validInput: {} },
  { name: "syncNowAction", action: syncNowAction, permission: "cluster.sync", validInput: {} },
  ...USER_ACTION_CASES,
  { name: "saveRoleMapAction", action: saveRoleMapAction, permission: "settings.manage", validInput: { roleMap: "callcenter-admins=admin\nqa=qa" } },
  ...DID_ACTION_CASES,
  ...PHONE_ACTION_CASES,
  ...CID_GROUP_ACTION_CASES,
  ...CALL_ACTION_CASES,
  ...JOB_ACTION_CASES,
  ...UNDO_ACTION_CASES,
];

/**
 * Server actions deliberately outside the matrix (not declared with `action()`), keyed
 * `file#export`, each with the reason. Keep this empty if at all possible.
 */
export const ACTIONS_OUTSIDE_THE_MATRIX: Record<string, string> = {};
