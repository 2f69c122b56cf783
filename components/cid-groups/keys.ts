/** The TanStack Query key of a group's live entries (shared by the server page and the client). */
export function entriesKey(groupId: string) {
  return ["cid-group-entries", groupId] as const;
}
