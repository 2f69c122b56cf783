import { RecentLookups } from "@/components/calls/recent-lookups";
import { Card, EmptyState } from "@/components/ui";
import { recentLookups } from "@/lib/calls/recent";
import { SectionLink } from "./section-link";

export async function RecentLookupsCard({ userId }: { userId: number }) {
  const lookups = await recentLookups(userId, 8);
  return (
    <Card title="Your recent call lookups" actions={<SectionLink href="/calls">Look up a call</SectionLink>}>
      <RecentLookups lookups={lookups} />
    </Card>
  );
}

/** Flagging calls is planned, not built: the card says so rather than showing an empty list. */
export function FlaggedCallsCard() {
  return (
    <Card title="Flagged calls">
      <EmptyState title="Flagging calls is not available yet">
        Calls cannot be flagged or annotated in the dashboard yet. Until then, keep the call IDs you are reviewing with the Export buttons on a call&apos;s page.
      </EmptyState>
    </Card>
  );
}
