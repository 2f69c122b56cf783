"use client";

import { allOf, isAre, sentence } from "@/lib/text/plural";
import { useState } from "react";
import { deleteCidEntriesAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ALL_VALUES as ALL } from "@/lib/vicidial/all-values";
import { useCidChange } from "./use-cid-change";

/**
 * DELETE with area code ---ALL--- and no CID: VICIdial empties the whole group. Sent only after
 * the group id was typed; the action's schema refuses the request without it.
 */
export function WipeGroupButton({ groupId, entryCount, disabledReason }: { groupId: string; entryCount: number; disabledReason?: string }) {
  const [open, setOpen] = useState(false);
  const wipe = useCidChange(groupId, deleteCidEntriesAction);
  return (
    <>
      <Button variant="danger" disabled={!!disabledReason} title={disabledReason} onClick={() => setOpen(true)}>
        Delete every entry
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete every entry of ${groupId}?`}
        confirmLabel={`Delete ${allOf(entryCount, "entry")}`}
        typeToConfirm={groupId}
        busy={wipe.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => wipe.mutate({ groupId, areacode: ALL, confirmGroupId: groupId }, { onSettled: () => setOpen(false) })}
      >
        <p>
          {sentence(allOf(entryCount, "entry"))} of {groupId}, in every area code, {isAre(entryCount)} deleted from VICIdial. This cannot be
          undone. The group itself stays in VICIdial, empty.
        </p>
      </ConfirmDialog>
    </>
  );
}
