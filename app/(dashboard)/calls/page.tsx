import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { CallSearchForm } from "@/components/calls/call-search-form";
import { RecentLookups } from "@/components/calls/recent-lookups";
import { requirePermission } from "@/lib/auth/guard";
import { recentLookups } from "@/lib/calls/recent";
import { apiCapability } from "@/lib/capabilities";

export const metadata = { title: "Call lookup" };

export default async function CallsPage() {
  const user = await requirePermission("calls.lookup");
  const [recent, capability] = await Promise.all([recentLookups(user.id), apiCapability("calls.lookup")]);
  return (
    <>
      <PageHeader
        title="Call lookup"
        description="Find a call by its VICIdial call ID to check it for an audit or a dispute. Each result has its own link to paste into a ticket."
        actions={
          <ButtonLink href="/calls/batch" variant="secondary">
            Look up many calls
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card title="Look up a call">
          <CallSearchForm autoFocus blockedReason={capability.allowed ? undefined : capability.reason} />
        </Card>
        <section aria-labelledby="recent-lookups" className="space-y-3">
          <h2 id="recent-lookups" className="text-lg font-semibold">
            Your recent lookups
          </h2>
          <RecentLookups lookups={recent} />
        </section>
      </div>
    </>
  );
}
