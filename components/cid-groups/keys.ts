/** The TanStack Query key of a group's live entries (shared by the server page and the client). */
export function entriesKey(groupId: string) {
  return ["cid-group-entries", groupId] as const;
}

/** The key of a group's recent changes (audit log), refreshed after every change made on its page. */
export function historyKey(groupId: string) {
  return ["cid-group-history", groupId] as const;
}
