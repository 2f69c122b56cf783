import type { ActionError } from "@/lib/actions/result";

/**
 * Undo (issue 16): an audit entry's "before" applied again as a new change. Plain data, so plans
 * travel to the browser's undo dialog as they are.
 */
export const UNDO_RESOURCES = ["did", "phone", "alias", "cid"] as const;
export type UndoResource = (typeof UNDO_RESOURCES)[number];

/** One recorded value of an object: an inventory column, or a CID entry's active/description. */
export type Snapshot = Record<string, unknown>;

/** One field the undo would write (or, for a delete, the object's recorded value). */
export interface FieldState {
  field: string;
  label: string;
  /** The value the undo puts back ("" = empty). */
  before: string;
  /** The value the change left. */
  after: string;
  /** The value now, from the best record the dashboard has (lib/undo/current.ts). */
  current: string;
  /** Changed since the entry: `current` is no longer `after`. */
  changed: boolean;
}

export type StepOp = "revert" | "delete" | "recreate";

/** What the undo does to one object (a DID, a phone, an alias, one CID entry). */
export interface UndoStep {
  /** The object, as people name it: the pattern, "10.10.10.15/8001", "727 · 7275551234". */
  key: string;
  op: StepOp;
  fields: FieldState[];
  /** Why this step cannot run whatever the choice (the object is gone, or exists again). */
  blocked?: string;
  /** Values the undo cannot put back (VICIdial cannot clear them, passwords are not kept). */
  notes: string[];
  /** The recorded snapshots, for applying the step, and the object now. */
  before: Snapshot | null;
  after: Snapshot | null;
  current: Snapshot | null;
  /** The entry this step undoes, when it is not the plan's own (each DID a copy added has its entry). */
  entryId?: number;
}

export interface UndoPlan {
  entryId: number;
  resource: UndoResource;
  action: string;
  target: string;
  /** One line: "Put DID 7275550001 back as it was before entry 12". */
  summary: string;
  steps: UndoStep[];
  /** Some field of some step changed since the entry. */
  conflicts: boolean;
  /** The undo deletes something: the user types this first (the usual type-to-confirm). */
  confirmText?: string;
}

/**
 * `anyway`: every step, every field. `unchanged`: only fields (and objects) unchanged since the
 * entry. Without conflicts both do the same.
 */
export const UNDO_CHOICES = ["anyway", "unchanged"] as const;
export type UndoChoice = (typeof UNDO_CHOICES)[number];

/** What applying one step did. */
export interface StepResult {
  key: string;
  state: "done" | "skipped" | "failed";
  message: string;
  raw?: string;
  error?: ActionError;
  /** The object before and after the undo, for the undo's own audit entry (so it can be undone too). */
  before?: unknown;
  after?: unknown;
  /** New passwords of a re-created phone: shown once, never stored. */
  secrets?: Record<string, string>;
}

/** Values as compared and shown: absent, null and "" are all "empty"; booleans as VICIdial's Y/N. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Y" : "N";
  if (Array.isArray(value)) return value.map(String).join(",");
  return String(value);
}

export function isSnapshot(value: unknown): value is Snapshot {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What an audit entry's undo cell shows: links both ways, or "Undo" where this role may. */
export interface UndoState {
  undoOf: number | null;
  undoneBy: number | null;
  /** Set when this role may undo the entry and nobody has yet. */
  undoable: UndoResource | null;
}

export function isEmptyUndoState(state: UndoState): boolean {
  return state.undoOf === null && state.undoneBy === null && state.undoable === null;
}
