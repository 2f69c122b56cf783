import {
  previewCidUndoAction,
  previewDidUndoAction,
  previewPhoneUndoAction,
  undoAliasChangeAction,
  undoCidChangeAction,
  undoDidChangeAction,
  undoPhoneChangeAction,
} from "@/app/(dashboard)/audit/actions";
import type { UndoResource } from "@/lib/undo/types";

/** Each resource's preview and undo actions (phones and aliases share the preview). */
export const UNDO_ACTIONS: Record<UndoResource, { preview: typeof previewDidUndoAction; undo: typeof undoDidChangeAction }> = {
  did: { preview: previewDidUndoAction, undo: undoDidChangeAction },
  phone: { preview: previewPhoneUndoAction, undo: undoPhoneChangeAction },
  alias: { preview: previewPhoneUndoAction, undo: undoAliasChangeAction },
  cid: { preview: previewCidUndoAction, undo: undoCidChangeAction },
};
