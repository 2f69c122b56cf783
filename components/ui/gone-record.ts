"use client";

import type { ActionError } from "@/lib/actions/result";
import { toast } from "./toast";

/**
 * VICIdial said the record no longer exists and the dashboard took it off its list: staying on
 * its page would offer edits that can only fail again, so the user goes back to the list (which
 * no longer shows it) with the explanation as a toast. False for every other error.
 */
export function backToListIfGone(error: ActionError, push: (href: string) => void, listPath: string): boolean {
  if (!error.removedFromList) return false;
  toast.error(error.message);
  push(listPath);
  return true;
}
