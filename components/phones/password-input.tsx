"use client";

import type { ComponentProps } from "react";
import { Button } from "@/components/ui";
import { generatePassword } from "@/lib/passwords/generate";

/**
 * A password input with a "Generate" button that fills in a strong password made only of
 * characters VICIdial keeps. Shown as text: the person setting up the phone must read it.
 */
export function PasswordInput({ onGenerate, generateLabel, ...input }: ComponentProps<"input"> & { onGenerate: (password: string) => void; generateLabel: string }) {
  return (
    <div className="flex gap-2">
      <input {...input} type="text" autoComplete="off" spellCheck={false} className={`${input.className ?? ""} font-mono`} />
      <Button variant="secondary" aria-label={generateLabel} onClick={() => onGenerate(generatePassword())}>
        Generate
      </Button>
    </div>
  );
}
