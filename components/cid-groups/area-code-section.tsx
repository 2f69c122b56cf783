"use client";

import { useId, useState } from "react";
import { deleteCidEntriesAction, updateCidEntriesAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, Th } from "@/components/ui/table";
import { ALL_VALUES as ALL } from "@/lib/vicidial/all-values";
import { allOf, countOf, isAre, sentence } from "@/lib/text/plural";
import { EntryRow, type ChangeRights } from "./entry-row";
import type { CidEntry } from "./types";
import { useCidChange } from "./use-cid-change";

type Bulk = "activate" | "deactivate" | "delete";

const entriesWord = (n: number) => countOf(n, "entry");

/**
 * The entries of one area code (or state), with the changes VICIdial applies to all of them at
 * once: UPDATE and DELETE with the area code and no single CID. Those always reach every entry of
 * the area code, also the ones a search hides, so the counts shown are of the whole area code.
 */
export function AreaCodeSection({
  groupId,
  areacode,
  entries,
  visible,
  rights,
}: {
  groupId: string;
  areacode: string;
  /** Every entry of the area code. */
  entries: CidEntry[];
  /** The ones the current search shows. */
  visible: CidEntry[];
  rights: ChangeRights;
}) {
  const headingId = useId();
  const [bulk, setBulk] = useState<Bulk>("activate");
  const [open, setOpen] = useState(false);
  const update = useCidChange(groupId, updateCidEntriesAction);
  const remove = useCidChange(groupId, deleteCidEntriesAction);
  const active = entries.filter((e) => e.active).length;
  const total = entries.length;
  const blocked = !!rights.disabledReason;
  const close = { onSettled: () => setOpen(false) };
  const ask = (kind: Bulk) => {
    setBulk(kind);
    setOpen(true);
  };

  const confirm = () => {
    if (bulk === "delete") remove.mutate({ groupId, areacode }, close);
    else update.mutate({ groupId, areacode, outboundCid: ALL, active: bulk === "activate" }, close);
  };

  const dialog: Record<Bulk, { title: string; label: string; body: string; destructive: boolean }> = {
    activate: {
      title: `Activate all entries of area code ${areacode}?`,
      label: `Activate ${entriesWord(total)}`,
      body: `VICIdial sets ${allOf(total, "entry")} of area code ${areacode} to active (${total - active} inactive now).`,
      destructive: false,
    },
    deactivate: {
      title: `Deactivate all entries of area code ${areacode}?`,
      label: `Deactivate ${entriesWord(total)}`,
      body: `VICIdial sets ${allOf(total, "entry")} of area code ${areacode} to inactive (${active} active now); calls stop using them.`,
      destructive: true,
    },
    delete: {
      title: `Delete all entries of area code ${areacode}?`,
      label: `Delete ${entriesWord(total)}`,
      body: `${sentence(allOf(total, "entry"))} of area code ${areacode} ${isAre(total)} deleted from CID group ${groupId} in VICIdial. This cannot be undone.`,
      destructive: true,
    },
  };

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            <span className="mr-2 text-sm font-normal text-slate-500 dark:text-slate-400">Area code or state</span>{" "}
            {areacode}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {entriesWord(total)}, {active} active
            {visible.length !== total && ` · showing ${visible.length}`}
          </p>
        </div>
        {rights.canWrite && (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" disabled={blocked} title={rights.disabledReason} onClick={() => ask("activate")} aria-label={`Activate all entries of area code ${areacode}`}>
              Activate all
            </Button>
            <Button variant="secondary" size="sm" disabled={blocked} title={rights.disabledReason} onClick={() => ask("deactivate")} aria-label={`Deactivate all entries of area code ${areacode}`}>
              Deactivate all
            </Button>
            <Button variant="ghost" size="sm" disabled={blocked} title={rights.disabledReason} onClick={() => ask("delete")} aria-label={`Delete all entries of area code ${areacode}`}>
              Delete all
            </Button>
          </div>
        )}
      </div>
      <Table caption={`Entries of area code ${areacode}`}>
        <thead>
          <tr>
            <Th>Outbound CID</Th>
            <Th>Description</Th>
            <Th>Active</Th>
            <Th className="text-right">Calls today</Th>
            {rights.canWrite && (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </thead>
        <tbody>
          {visible.map((entry) => (
            <EntryRow key={entry.outboundCid} groupId={groupId} entry={entry} rights={rights} />
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={open}
        title={dialog[bulk].title}
        confirmLabel={dialog[bulk].label}
        destructive={dialog[bulk].destructive}
        busy={update.isPending || remove.isPending}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{dialog[bulk].body}</p>
      </ConfirmDialog>
    </section>
  );
}
