"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { deleteCidEntriesAction, updateCidEntriesAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import { Td } from "@/components/ui/table";
import type { ActionError } from "@/lib/actions/result";
import type { UpdateCidEntries, UpdateCidEntriesInput } from "@/lib/cid-groups/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { placeFieldErrors } from "@/components/ui/call-action";
import { entriesKey } from "./keys";
import type { CidEntry } from "./types";
import { actionErrorOf, useCidChange } from "./use-cid-change";

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

const descriptionResolver = lazyZodResolver(() => import("@/lib/cid-groups/schemas").then((m) => m.updateCidEntriesSchema));

/** Replaces a description. VICIdial's API cannot clear one, so an empty value is refused (schema). */
function DescriptionEditor({ groupId, entry, onDone }: { groupId: string; entry: CidEntry; onDone: () => void }) {
  const save = useCidChange(groupId, updateCidEntriesAction);
  const [error, setError] = useState<ActionError>();
  const form = useForm<UpdateCidEntriesInput, unknown, UpdateCidEntries>({
    resolver: descriptionResolver,
    defaultValues: { groupId, areacode: entry.areacode, outboundCid: entry.outboundCid, description: entry.description },
  });
  const submit = form.handleSubmit(async (values) => {
    setError(undefined);
    try {
      await save.mutateAsync(values);
      onDone();
    } catch (failure) {
      const actionError = actionErrorOf(failure);
      if (actionError && !placeFieldErrors(actionError, form.setError, ["description"])) setError(actionError);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field
        label={`New description for ${entry.outboundCid}`}
        error={form.formState.errors.description?.message}
        hint="VICIdial's API can replace a description but cannot clear it."
      >
        {(p) => <input {...p} {...form.register("description")} autoComplete="off" autoFocus />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={save.isPending}>
          Save
        </Button>
        <Button variant="secondary" size="sm" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
      </div>
      {error && <ErrorCallout error={error} />}
    </form>
  );
}
