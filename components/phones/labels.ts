/** Words for VICIdial's phone settings, shared by the forms, the detail page and the list. */
export const WEBPHONE_LABELS: Record<string, string> = {
  Y: "Yes",
  N: "No",
  Y_API_LAUNCH: "Yes, launched through the API",
};

export const YES_NO_LABELS: Record<string, string> = { Y: "Yes", N: "No" };

export function yesNoLabel(value: string | null | undefined): string | undefined {
  return value ? (YES_NO_LABELS[value] ?? value) : undefined;
}

/** The detail page path of one phone; both parts may hold characters a URL must escape. */
export function phonePath(phone: { serverIp: string; extension: string }): string {
  return `/phones/${encodeURIComponent(phone.serverIp)}/${encodeURIComponent(phone.extension)}`;
}

/** A dynamic route segment as typed: Next hands most over decoded, a stray %xx is decoded here. */
export function routeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
