"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={busy}
      onClick={() => {
        setBusy(true);
        // next-auth's client is loaded on the click: the button is on every page, signing out is rare.
        void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }));
      }}
    >
      Sign out
    </Button>
  );
}
