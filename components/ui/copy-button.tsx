"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "./button";

/** Copies `value`; the button says so for a moment, and a toast says if the browser refused. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={label}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          toast.error("The browser did not allow copying; select the text and copy it by hand.");
        }
      }}
    >
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
