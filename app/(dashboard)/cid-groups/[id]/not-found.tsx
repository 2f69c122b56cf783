import { ButtonLink, EmptyState } from "@/components/ui";

/** An id VICIdial does not know as a CID group or campaign (or that its API user may not see). */
export default function CidGroupNotFound() {
  return (
    <EmptyState title="CID group not found" action={<ButtonLink href="/cid-groups">Back to CID groups</ButtonLink>}>
      VICIdial has no CID group or campaign with this ID, or its API user is not allowed to see it. Check the ID; a group that is on the dashboard&apos;s list but gone from VICIdial can be removed from the list there.
    </EmptyState>
  );
}
