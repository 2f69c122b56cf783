"use client";

import { bulkChangeDidsAction, bulkDeleteDidsAction } from "@/app/(dashboard)/jobs/bulk-actions";
import { BulkBar, type BulkChoice } from "@/components/ui/bulk-bar";
import { DID_SELECTION_FORM } from "./selection";

/** Activate, deactivate or delete the DIDs checked in the list, as one job. */
export function DidBulkBar({ canDelete }: { canDelete: boolean }) {
  const choices: BulkChoice[] = [
    { label: "Activate", run: (didPatterns) => bulkChangeDidsAction(undefined, { action: "activate", didPatterns }) },
    { label: "Deactivate", run: (didPatterns) => bulkChangeDidsAction(undefined, { action: "deactivate", didPatterns }) },
  ];
  if (canDelete) choices.push({ label: "Delete", destructive: true, run: (didPatterns) => bulkDeleteDidsAction(undefined, { didPatterns }) });
  return <BulkBar formId={DID_SELECTION_FORM} noun="DID" nouns="DIDs" choices={choices} />;
}
