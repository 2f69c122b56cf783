import type { ReactNode } from "react";
import { DidCidChangesCard, PhonesPerDayCard } from "@/components/overview/changes-chart";
import { ConnectionCards, RecentChangesCard } from "@/components/overview/connection-cards";
import { JobsCard, UnregisteredPhonesCard } from "@/components/overview/provisioning-cards";
import { FlaggedCallsCard, RecentLookupsCard } from "@/components/overview/qa-cards";
import { ClusterSyncSection } from "@/components/overview/cluster-sync-section";
import { RefreshConnectionButton } from "@/components/overview/refresh-connection-button";
import { DidTargetsCard, IdleCidEntriesCard } from "@/components/overview/supervisor-cards";
import { PageHeader } from "@/components/ui";
import { auditScopeFor, type AuditScope } from "@/lib/audit/scope";
import { requirePage } from "@/lib/auth/guard";
import type { Role } from "@/lib/auth/permissions";
import { overviewSections, type OverviewSection } from "@/lib/overview/sections";
import { getViewerZone } from "@/lib/time/viewer-zone";

export const metadata = { title: "Overview" };

const DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything at a glance: the VICIdial connection and what its API user may do, then what supervisors, provisioning and QA look at.",
  supervisor: "Your DIDs and CID groups: how much changed lately, entries nobody uses, and DIDs that ring something inactive.",
  provisioning: "Phones and bulk jobs: what was added lately and how the latest jobs went.",
  qa: "Your latest call lookups, to get back to a call quickly.",
};

export default async function OverviewPage() {
  const user = await requirePage("/");
  const zone = await getViewerZone();
  // Overview counts respect what the reader may see of the audit log; without any, only their own.
  const scope: AuditScope = auditScopeFor(user) ?? { kind: "own", actorId: user.id };
  const sections: Record<OverviewSection, () => ReactNode> = {
    connection: () => <ConnectionCards role={user.role} />,
    clusterSync: () => <ClusterSyncSection role={user.role} />,
    didCidChanges: () => <DidCidChangesCard zone={zone} scope={scope} />,
    idleCidEntries: () => <IdleCidEntriesCard />,
    didTargets: () => <DidTargetsCard />,
    phonesPerDay: () => <PhonesPerDayCard zone={zone} scope={scope} />,
    jobs: () => <JobsCard viewer={user} />,
    unregisteredPhones: () => <UnregisteredPhonesCard />,
    recentLookups: () => <RecentLookupsCard userId={user.id} />,
    flaggedCalls: () => <FlaggedCallsCard />,
    recentChanges: () => <RecentChangesCard scope={scope} />,
  };

  return (
    <>
      <PageHeader title="Overview" description={DESCRIPTIONS[user.role]} actions={user.role === "admin" ? <RefreshConnectionButton /> : undefined} />
      <div className="space-y-6">
        {overviewSections(user.role).map((section) => (
          <div key={section}>{sections[section]()}</div>
        ))}
      </div>
    </>
  );
}
