import {
  previewCidUndoAction,
  previewDidUndoAction,
  previewPhoneUndoAction,
  undoAliasChangeAction,
  undoCidChangeAction,
  undoDidChangeAction,
  undoPhoneChangeAction,
} from "@/app/(dashboard)/audit/actions";
import {
  previewCidJobUndoAction,
  previewDidJobUndoAction,
  previewPhoneJobUndoAction,
  startCidJobUndoAction,
  startDidJobUndoAction,
  startPhoneJobUndoAction,
} from "@/app/(dashboard)/jobs/undo-actions";
import type { ActionCase } from "./index.cases";

const ENTRY = { entryId: 12 };
const JOB = { jobId: "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b" };

/** Undo (issue 16): each resource's undo needs the right to make that change (DESIGN roles table). */
export const UNDO_ACTION_CASES: ActionCase[] = [
  { name: "previewDidUndoAction", action: previewDidUndoAction, permission: "undo.dids", validInput: ENTRY },
  { name: "undoDidChangeAction", action: undoDidChangeAction, permission: "undo.dids", validInput: { ...ENTRY, choice: "anyway" } },
  { name: "previewPhoneUndoAction", action: previewPhoneUndoAction, permission: "undo.phones", validInput: ENTRY },
  { name: "undoPhoneChangeAction", action: undoPhoneChangeAction, permission: "undo.phones", validInput: ENTRY },
  { name: "undoAliasChangeAction", action: undoAliasChangeAction, permission: "undo.phones", validInput: ENTRY },
  { name: "previewCidUndoAction", action: previewCidUndoAction, permission: "undo.cid", validInput: ENTRY },
  { name: "undoCidChangeAction", action: undoCidChangeAction, permission: "undo.cid", validInput: { ...ENTRY, choice: "unchanged", confirm: "7275551234" } },
  { name: "previewDidJobUndoAction", action: previewDidJobUndoAction, permission: "undo.dids", validInput: JOB },
  { name: "startDidJobUndoAction", action: startDidJobUndoAction, permission: "undo.dids", validInput: JOB },
  { name: "previewPhoneJobUndoAction", action: previewPhoneJobUndoAction, permission: "undo.phones", validInput: JOB },
  { name: "startPhoneJobUndoAction", action: startPhoneJobUndoAction, permission: "undo.phones", validInput: JOB },
  { name: "previewCidJobUndoAction", action: previewCidJobUndoAction, permission: "undo.cid", validInput: JOB },
  { name: "startCidJobUndoAction", action: startCidJobUndoAction, permission: "undo.cid", validInput: JOB },
];
