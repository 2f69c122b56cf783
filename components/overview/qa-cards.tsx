import { Link } from "@/components/ui/link";
import { callCardPath } from "@/components/calls/paths";
import { RecentLookups } from "@/components/calls/recent-lookups";
import { Card, EmptyState } from "@/components/ui";
import { FLAG_REASON_LABELS } from "@/lib/calls/flag-schema";
import { listFlags } from "@/lib/calls/flags";
import { formatPhone } from "@/lib/calls/format";
import { recentLookups } from "@/lib/calls/recent";
import { countOf } from "@/lib/text/plural";
import { formatVicidialTime } from "@/lib/time/format";
import { SectionLink } from "./section-link";

export async function RecentLookupsCard({ userId }: { userId: number }) {
  const lookups = await recentLookups(userId, 8);
  return (
    <Card title="Your recent call lookups" actions={<SectionLink href="/calls">Look up a call</SectionLink>}>
      <RecentLookups lookups={lookups} />
    </Card>
  );
}

/** The newest open flags, linking to the flag list (where they are filtered and exported). */
export async function FlaggedCallsCard() {
  const { rows, total } = await listFlags({ state: "open" }, 1, 5);
  return (
    <Card title="Flagged calls" actions={<SectionLink href="/calls/flags">All flagged calls</SectionLink>}>
      {rows.length === 0 ? (
        <EmptyState title="No open flags">Open a call from the call search and flag it with a reason and notes; open flags show here.</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{countOf(total, "open flag")}</p>
          <ul className="space-y-1 text-sm">
            {rows.map((flag) => (
              <li key={flag.id}>
                <Link href={callCardPath(flag.direction, flag.callKey)} className="text-brand-700 hover:underline dark:text-brand-100">
                  {formatPhone(flag.phoneNumber)}, {formatVicidialTime(flag.callDate)}
                </Link>{" "}
                · {FLAG_REASON_LABELS[flag.reason] ?? flag.reason} · {flag.flaggedByName}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
