"use client";

import { removeCidGroupAction } from "@/app/(dashboard)/cid-groups/actions";
import { DeleteButton } from "@/components/ui/delete-button";

/** Takes a group off the dashboard's list after a confirmation that says VICIdial is not touched. */
export function RemoveGroupButton({ groupId, afterRemove }: { groupId: string; afterRemove?: string }) {
  return (
    <DeleteButton
      label="Remove from list"
      title={`Remove ${groupId} from the dashboard's list?`}
      action={removeCidGroupAction}
      input={{ groupId }}
      redirectTo={afterRemove}
      refusal="toast"
      variant="ghost"
      size="sm"
      ariaLabel={`Remove ${groupId} from the list`}
    >
      <p>
        This only changes the dashboard&apos;s list. Nothing changes in VICIdial: the group and its entries stay as they are, and you can add the
        group back at any time.
      </p>
    </DeleteButton>
  );
}
