"use client";

import { bulkPhonesAction } from "@/app/(dashboard)/jobs/bulk-actions";
import { BulkBar, type BulkChoice } from "@/components/ui/bulk-bar";
import type { BulkAction } from "@/lib/jobs/bulk-actions";
import { PHONE_SELECTION_FORM } from "./selection";


const choice = (label: string, action: BulkAction, destructive = false): BulkChoice => ({
  label,
  destructive,
  run: (values) => bulkPhonesAction(undefined, { action, phones: values.map((value) => JSON.parse(value) as { serverIp: string; extension: string }) }),
});

/** Activate, deactivate or delete the phones checked in the list, as one job. */
export function PhoneBulkBar() {
  return <BulkBar formId={PHONE_SELECTION_FORM} noun="phone" nouns="phones" choices={[choice("Activate", "activate"), choice("Deactivate", "deactivate"), choice("Delete", "delete", true)]} />;
}
