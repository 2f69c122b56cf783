"use client";

import { useEffect } from "react";
import { toast } from "@/components/ui/toast";

/**
 * A toast for an outcome a server component rendered (a failed lookup). The id keeps React's
 * development double-run and re-renders from showing it twice.
 */
export function ToastOnMount({ id, message, tone = "error" }: { id: string; message: string; tone?: "error" | "warning" }) {
  useEffect(() => {
    if (tone === "warning") toast.warning(message, { id });
    else toast.error(message, { id });
  }, [id, message, tone]);
  return null;
}
