"use client";

import { useEffect, useRef, useState } from "react";
import { Button, ErrorCallout } from "@/components/ui";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Starts the single sign-on round trip: next-auth sends the browser to the identity provider. */
export function SsoSignIn({ providerId, providerName, callbackUrl }: { providerId: string; providerName: string; callbackUrl: string }) {
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const button = useRef<HTMLButtonElement>(null);
  // The button is disabled until React runs (it needs JavaScript), so autoFocus cannot take:
  // focus it once enabled, unless the person already moved somewhere.
  useEffect(() => {
    if (hydrated && document.activeElement === document.body) button.current?.focus();
  }, [hydrated]);
  return (
    <div className="space-y-2">
      {error && <ErrorCallout title="The dashboard could not be reached" error={{ kind: "unavailable", message: error }} />}
      <Button
        ref={button}
        className="w-full"
        loading={leaving}
        disabled={!hydrated}
        onClick={async () => {
          setError(null);
          setLeaving(true);
          try {
            // next-auth's client comes with the click, not with the login page.
            const { signIn } = await import("next-auth/react");
            await signIn(providerId, { callbackUrl });
          } catch {
            setLeaving(false);
            setError("The dashboard could not be reached. Check your connection and try again.");
          }
        }}
      >
        Sign in with {providerName}
      </Button>
    </div>
  );
}
