import { ButtonLink, EmptyState } from "@/components/ui";

export default function DidNotFound() {
  return (
    <EmptyState title="This DID is not in the list" action={<ButtonLink href="/dids">Back to DIDs</ButtonLink>}>
      The dashboard knows only the DIDs added, copied or changed through it, and this one is not among them. It may have been deleted, or
      it may exist only in VICIdial.
    </EmptyState>
  );
}
