import { addAliasAction, deleteAliasAction, updateAliasAction } from "@/app/(dashboard)/aliases/actions";
import { changeOwnPasswordAction } from "@/app/(dashboard)/account/actions";
import { lookupCallAction, lookupCallBatchAction } from "@/app/(dashboard)/calls/actions";
import {
  addCidEntryAction,
  addCidGroupAction,
  deleteCidEntriesAction,
  removeCidGroupAction,
  updateCidEntriesAction,
} from "@/app/(dashboard)/cid-groups/actions";
import { addDidAction, copyDidAction, deleteDidAction, updateDidAction } from "@/app/(dashboard)/dids/actions";
import {
  cancelJobAction,
  downloadSheetAction,
  pauseJobAction,
  resumeJobAction,
  startAgentJobAction,
  startCidJobAction,
  startDidCopyJobAction,
  startDidJobAction,
} from "@/app/(dashboard)/jobs/actions";
import { addPhoneAction, deletePhoneAction, updatePhoneAction } from "@/app/(dashboard)/phones/actions";
import { changeRoleAction, createUserAction, disableUserAction, enableUserAction, resetPasswordAction } from "@/app/(dashboard)/users/actions";
import type { Permission } from "./permissions";

/**
 * Every server action, with the permission DESIGN.md's roles table gives it. The role-matrix test
 * (action-matrix.test.ts) calls each one as anonymous and as every role, and fails if a server
 * action exists that is missing here. Add your actions when you add them.
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

export const ACTION_CASES: ActionCase[] = [
  // Users and account (issue 4)
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
  // DIDs
  { name: "addDidAction", action: addDidAction, permission: "dids.write" },
  { name: "updateDidAction", action: updateDidAction, permission: "dids.write" },
  { name: "copyDidAction", action: copyDidAction, permission: "dids.write" },
  { name: "deleteDidAction", action: deleteDidAction, permission: "dids.delete" },
  // Phones and aliases
  { name: "addPhoneAction", action: addPhoneAction, permission: "phones.write" },
  { name: "updatePhoneAction", action: updatePhoneAction, permission: "phones.write" },
  { name: "deletePhoneAction", action: deletePhoneAction, permission: "phones.write" },
  { name: "addAliasAction", action: addAliasAction, permission: "phones.write" },
  { name: "updateAliasAction", action: updateAliasAction, permission: "phones.write" },
  { name: "deleteAliasAction", action: deleteAliasAction, permission: "phones.write" },
  // CID groups
  { name: "addCidGroupAction", action: addCidGroupAction, permission: "cid.write" },
  { name: "removeCidGroupAction", action: removeCidGroupAction, permission: "cid.write" },
  { name: "addCidEntryAction", action: addCidEntryAction, permission: "cid.write" },
  { name: "updateCidEntriesAction", action: updateCidEntriesAction, permission: "cid.write" },
  { name: "deleteCidEntriesAction", action: deleteCidEntriesAction, permission: "cid.write" },
  // Call lookup
  { name: "lookupCallAction", action: lookupCallAction, permission: "calls.lookup" },
  { name: "lookupCallBatchAction", action: lookupCallBatchAction, permission: "calls.lookup" },
  // Bulk jobs: starting one needs the write permission of what it changes; steering one, jobs.run.
  { name: "startDidJobAction", action: startDidJobAction, permission: "dids.write" },
  { name: "startDidCopyJobAction", action: startDidCopyJobAction, permission: "dids.write" },
  { name: "startCidJobAction", action: startCidJobAction, permission: "cid.write" },
  { name: "startAgentJobAction", action: startAgentJobAction, permission: "phones.write" },
  { name: "downloadSheetAction", action: downloadSheetAction, permission: "phones.write" },
  { name: "pauseJobAction", action: pauseJobAction, permission: "jobs.run" },
  { name: "resumeJobAction", action: resumeJobAction, permission: "jobs.run" },
  { name: "cancelJobAction", action: cancelJobAction, permission: "jobs.run" },
];

/**
 * Server actions deliberately outside the matrix (not declared with `action()`), keyed
 * `file#export`, each with the reason. Keep this empty if at all possible.
 */
export const ACTIONS_OUTSIDE_THE_MATRIX: Record<string, string> = {
  "app/(dashboard)/actions.ts#refreshConnection":
    "Any signed-in user may refresh the cached VICIdial status; it changes nothing and checks the session itself. To be moved to action().",
};
