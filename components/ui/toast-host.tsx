"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { onToastWanted } from "./toast";

const LoadedToaster = lazy(() => import("./toaster"));

/** Where toasts appear: empty until the first toast is asked for, then sonner's Toaster (toast.ts). */
export function ToastHost() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => onToastWanted(() => setWanted(true)), []);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <LoadedToaster />
    </Suspense>
  );
}
