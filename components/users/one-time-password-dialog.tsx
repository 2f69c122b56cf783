"use client";

import { useId, useState } from "react";
import { Button, Input } from "@/components/ui";
import { Modal } from "@/components/ui/modal";

/**
 * Shows a one-time password once, with a copy button. It is not stored anywhere readable: closing
 * this dialog is the last chance to see it.
 */
export function OneTimePasswordDialog({ issued, onClose }: { issued: { username: string; oneTimePassword: string } | null; onClose: () => void }) {
  const titleId = useId();
  const inputId = useId();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.oneTimePassword);
      setCopied(true);
    } catch {
      // Clipboard refused (plain HTTP, permissions): the field is selected for a manual copy.
      document.getElementById(inputId)?.focus();
    }
  };

  return (
    <Modal open={issued !== null} onOpen={() => setCopied(false)} onDismiss={onClose} labelledBy={titleId}>
      {issued && (
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            One-time password for {issued.username}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Give it to {issued.username} in person or by phone. It is shown only this once; they choose their own password when they first sign in.
          </p>
          <div className="space-y-1">
            <label htmlFor={inputId} className="block text-sm font-medium">
              One-time password
            </label>
            <div className="flex gap-2">
              <Input id={inputId} readOnly value={issued.oneTimePassword} className="font-mono" onFocus={(e) => e.currentTarget.select()} />
              <Button variant="secondary" onClick={copy}>
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
            <p role="status" className="min-h-5 text-xs text-green-700 dark:text-green-400">
              {copied ? "Copied to the clipboard." : ""}
            </p>
          </div>
          <div className="flex justify-end">
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      )}
    </Modal>
  );
}
