/** What a bulk job can do to the rows selected in a list. Plain data: the list's toolbar reads it too. */
export const BULK_ACTIONS = ["activate", "deactivate", "delete"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_WORDS: Record<BulkAction, { verb: string; done: string }> = {
  activate: { verb: "Activate", done: "activated" },
  deactivate: { verb: "Deactivate", done: "deactivated" },
  delete: { verb: "Delete", done: "deleted" },
};

/** Most a list page shows at once (100 rows), so one job never holds more than a page's selection. */
export const MAX_BULK_SELECTION = 100;
