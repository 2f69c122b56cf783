import { resourceOf } from "./resources";

/**
 * Every audit action the dashboard writes, in words: the list, the detail page, the history
 * panels and the action filter all read them here. An action missing here is shown as its code,
 * so a new one is never hidden, only unnamed (the test in actions.test.ts lists what is written).
 */
export const AUDIT_ACTIONS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "user.create": "User created",
  "user.role": "User's role changed",
  "user.disable": "User disabled",
  "user.enable": "User enabled",
  "user.reset_password": "User's password reset",
  "user.change_password": "Own password changed",
  "did.add": "DID added",
  "did.update": "DID changed",
  "did.delete": "DID deleted",
  "did.copy": "DID copied",
  "did.undo": "DID change undone",
  "did.gone": "DID gone from VICIdial, removed from the list",
  "phone.add": "Phone added",
  "phone.update": "Phone changed",
  "phone.delete": "Phone deleted",
  "phone.undo": "Phone change undone",
  "phone.gone": "Phone gone from VICIdial, removed from the list",
  "alias.add": "Phone alias added",
  "alias.update": "Phone alias changed",
  "alias.delete": "Phone alias deleted",
  "alias.undo": "Phone alias change undone",
  "alias.gone": "Phone alias gone from VICIdial, removed from the list",
  "cid.add": "CID entry added",
  "cid.update": "CID entries changed",
  "cid.delete": "CID entries deleted",
  "cid.group_add": "CID group added to the list",
  "cid.group_remove": "CID group removed from the list",
  "cid.group_gone": "CID group gone from VICIdial, removed from the list",
  "cid.undo": "CID entry change undone",
  "call.lookup": "Call looked up",
  "call.lookup_batch": "Calls looked up in a batch",
  "call.recording_play": "Call recording played",
  "call.recording_download": "Call recording downloaded",
  "call.flag": "Call flagged",
  "call.flag_resolve": "Call flag resolved",
  "call.flags_export": "Flagged calls exported",
  "job.start": "Bulk job started",
  "job.pause": "Bulk job paused",
  "job.resume": "Bulk job resumed",
  "job.cancel": "Bulk job cancelled",
  "job.finish": "Bulk job finished",
  "job.row_unclear": "Bulk job row unclear",
  "job.sheet_download": "Password sheet downloaded",
  "job.sheet_saved": "Password sheet confirmed saved",
  "job.undo": "Bulk job undone",
  "audit.export": "Audit log exported",
  "settings.oidc_role_map": "Single sign-on role map saved",
};

/** Sign-ins are most of the log and rarely what a reader looks for: hidden unless asked for. */
export const SIGN_IN_RESOURCE = "auth";

export function actionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}

/** The action filter's choices, grouped by resource in the order the resource list gives. */
export function actionsOf(resource: string): string[] {
  return Object.keys(AUDIT_ACTIONS).filter((action) => resourceOf(action) === resource);
}
