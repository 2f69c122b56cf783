"use client";

import { Button } from "@/components/ui";
import { callCsv, callJson, exportFileName } from "@/lib/calls/export";
import type { CallInfo } from "@/lib/calls/outcome";
import { downloadText } from "./download";

/** The result card as a file for a ticket: built from what the page shows, no second lookup. */
export function CallExportButtons({ call, lookedUpAt }: { call: CallInfo; lookedUpAt: string }) {
  const base = `call-${call.callId}`;
  return (
    <div className="flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => downloadText(exportFileName(base, "csv"), "text/csv", callCsv(call))}>
        Export CSV
      </Button>
      <Button variant="secondary" size="sm" onClick={() => downloadText(exportFileName(base, "json"), "application/json", callJson(call, new Date(lookedUpAt)))}>
        Export JSON
      </Button>
    </div>
  );
}
