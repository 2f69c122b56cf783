"use client";

import type { ReactNode } from "react";
import { ZoneCookieSync } from "./time";
import { ToastHost } from "./toast-host";

/**
 * What every page has: the viewer's time zone kept in a cookie, and the place toasts appear.
 * Kept small, it ships with every page: React Query has its own provider where it is used
 * (query-provider.tsx), and sonner loads with the first toast (toast.ts).
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <>
      <ZoneCookieSync />
      {children}
      <ToastHost />
    </>
  );
}
