"use client";

import { deletePhoneAction } from "@/app/(dashboard)/phones/actions";
import type { PhoneKey } from "@/lib/phones/schemas";
import { DeleteButton } from "@/components/ui/delete-button";

/** Deleting a phone is final, so its extension must be typed to confirm. */
export function DeletePhoneButton({ phone, aliases, blockedReason }: { phone: PhoneKey; aliases: string[]; blockedReason?: string }) {
  return (
    <DeleteButton
      label="Delete phone"
      title={`Delete phone ${phone.extension}?`}
      confirmText={phone.extension}
      action={deletePhoneAction}
      input={phone}
      redirectTo="/phones"
      blockedReason={blockedReason}
    >
      <p>
        VICIdial removes extension {phone.extension} from server {phone.serverIp}. This cannot be undone: the phone would have to be added again, with new
        passwords.
      </p>
      {aliases.length > 0 && <p>It is still listed in the phone aliases {aliases.join(", ")}; VICIdial does not remove it from them.</p>}
    </DeleteButton>
  );
}
