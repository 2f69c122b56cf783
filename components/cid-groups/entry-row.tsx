"use client";

import { useState } from "react";
import { deleteCidEntriesAction, updateCidEntriesAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Td } from "@/components/ui/table";
import { DescriptionEditor } from "./description-editor";
import { entriesKey } from "./keys";
import type { CidEntry } from "./types";
import { useCidChange } from "./use-cid-change";

export interface ChangeRights {
  /** The role may change entries (cid.write); otherwise no control is shown. */
  canWrite: boolean;
  /** Why VICIdial's API user may not change them: controls are shown greyed out. */
  disabledReason?: string;
}

const sameEntry = (a: CidEntry, b: { areacode: string; outboundCid: string }) => a.areacode === b.areacode && a.outboundCid === b.outboundCid;

/** One entry: its active switch (optimistic), its description (editable), delete. */
export function EntryRow({ groupId, entry, rights }: { groupId: string; entry: CidEntry; rights: ChangeRights }) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const key = { groupId, areacode: entry.areacode, outboundCid: entry.outboundCid };

  const toggle = useCidChange(groupId, updateCidEntriesAction, {
    optimistic: (input, client) =>
      client.setQueryData<CidEntry[]>(entriesKey(groupId), (rows) =>
        rows?.map((row) => (sameEntry(row, entry) && input.active !== undefined ? { ...row, active: input.active } : row)),
      ),
  });
  const remove = useCidChange(groupId, deleteCidEntriesAction);
  const blocked = !!rights.disabledReason;

  return (
    <tr>
      <Td className="font-mono">{entry.outboundCid}</Td>
      <Td className="min-w-56">
        {editing ? (
          <DescriptionEditor groupId={groupId} entry={entry} onDone={() => setEditing(false)} />
        ) : (
          entry.description || <span className="text-slate-500 dark:text-slate-400">No description</span>
        )}
      </Td>
      <Td>
        {rights.canWrite ? (
          <button
            type="button"
            role="switch"
            aria-checked={entry.active}
            aria-label={`Active ${entry.outboundCid}`}
            disabled={blocked || toggle.isPending}
            title={rights.disabledReason}
            onClick={() => toggle.mutate({ ...key, active: !entry.active })}
            className="group inline-flex items-center gap-2 rounded-full text-sm disabled:cursor-not-allowed disabled:opacity-60"
          >
            <span aria-hidden className={cn("relative h-5 w-9 rounded-full transition-colors", entry.active ? "bg-green-600" : "bg-slate-300 dark:bg-slate-700")}>
              <span className={cn("absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all", entry.active ? "left-4.5" : "left-0.5")} />
            </span>
            <span>{entry.active ? "Active" : "Inactive"}</span>
          </button>
        ) : (
          <span>{entry.active ? "Active" : "Inactive"}</span>
        )}
      </Td>
      <Td className="text-right tabular-nums">{entry.callCountToday.toLocaleString("en-US")}</Td>
      {rights.canWrite && (
        <Td className="whitespace-nowrap text-right">
          {!editing && (
            <Button variant="ghost" size="sm" disabled={blocked} title={rights.disabledReason} onClick={() => setEditing(true)} aria-label={`Edit description of ${entry.outboundCid}`}>
              Edit
            </Button>
          )}
          <Button variant="ghost" size="sm" disabled={blocked} title={rights.disabledReason} onClick={() => setConfirmDelete(true)} aria-label={`Delete ${entry.outboundCid}`}>
            Delete
          </Button>
          <ConfirmDialog
            open={confirmDelete}
            title={`Delete ${entry.outboundCid}?`}
            confirmLabel="Delete entry"
            busy={remove.isPending}
            onCancel={() => setConfirmDelete(false)}
            onConfirm={() => remove.mutate(key, { onSettled: () => setConfirmDelete(false) })}
          >
            <p>
              The entry {entry.outboundCid} of area code {entry.areacode} is deleted from CID group {groupId} in VICIdial. This cannot be undone.
            </p>
          </ConfirmDialog>
        </Td>
      )}
    </tr>
  );
}
