"use client";

import { useEffect } from "react";
import { Toaster, toast } from "sonner";
import { toasterMounted } from "./toast";

/** Loaded with the first toast (toast-host.tsx). Its effect runs after the Toaster's own, which subscribes. */
export default function LoadedToaster() {
  useEffect(() => toasterMounted(toast), []);
  // Bottom right: at the top they covered the signed-in user and Sign out.
  return <Toaster richColors closeButton position="bottom-right" theme="system" />;
}
