"use client";

import { deleteAliasAction } from "@/app/(dashboard)/aliases/actions";
import { DeleteButton } from "@/components/ui/delete-button";

export function DeleteAliasButton({ aliasId, blockedReason }: { aliasId: string; blockedReason?: string }) {
  return (
    <DeleteButton
      label="Delete alias"
      title={`Delete phone alias ${aliasId}?`}
      confirmText={aliasId}
      action={deleteAliasAction}
      input={{ aliasId }}
      redirectTo="/aliases"
      blockedReason={blockedReason}
    >
      <p>VICIdial removes the alias {aliasId}. Its phones are not touched. This cannot be undone.</p>
    </DeleteButton>
  );
}
