import "server-only";
import { cookies } from "next/headers";
import { UTC, validZone, ZONE_COOKIE } from "./format";

/**
 * The viewer's IANA zone, from the cookie their browser writes (components/ui/time.tsx); UTC
 * until it has, or when it holds something Intl does not know.
 */
export async function getViewerZone(): Promise<string> {
  const value = (await cookies()).get(ZONE_COOKIE)?.value;
  return validZone(value ? safeDecode(value) : null) ?? UTC;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** What the time provider needs from the server: the zone, and "now" for relative times while hydrating. */
export async function viewerClock(): Promise<{ zone: string; renderedAt: number }> {
  return { zone: await getViewerZone(), renderedAt: Date.now() };
}
