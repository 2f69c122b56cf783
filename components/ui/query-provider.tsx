"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

/**
 * React Query for the parts that use it (a CID group's live entries and their history),
 * not the whole app: a provider in the root layout would ship the library with
 * every page. One client per browser tab, shared by every provider, so the cache outlives a
 * page change as it did with one root provider; one per render on the server, so no request
 * ever sees another's data. Reads are not refetched on focus, to spare VICIdial.
 */
let browserClient: QueryClient | undefined;

function newClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 5_000 } } });
}

export function queryClient(): QueryClient {
  if (isServer) return newClient();
  return (browserClient ??= newClient());
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}
