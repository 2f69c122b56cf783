"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { ZoneCookieSync } from "./time";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; reads are not refetched on focus to spare VICIdial.
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 5_000 } } }));
  return (
    <QueryClientProvider client={client}>
      <ZoneCookieSync />
      {children}
      {/* Bottom right: at the top they covered the signed-in user and Sign out. */}
      <Toaster richColors closeButton position="bottom-right" theme="system" />
    </QueryClientProvider>
  );
}
