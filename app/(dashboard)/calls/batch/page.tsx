import { BatchLookup } from "@/components/forms";
import { ButtonLink, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { apiCapability } from "@/lib/connection/capabilities";
import { BATCH_MAX_IDS } from "@/lib/calls/schemas";

export const metadata = { title: "Batch call lookup" };

export default async function BatchCallLookupPage() {
  await requirePage("/calls/batch");
  const capability = await apiCapability("calls.lookup");
  return (
    <>
      <PageHeader
        title="Batch call lookup"
        description={`Paste up to ${BATCH_MAX_IDS} call IDs to check them in one go. Every lookup is recorded in the audit log, as a single lookup is.`}
        actions={
          <ButtonLink href="/calls" variant="secondary">
            Single lookup
          </ButtonLink>
        }
      />
      <BatchLookup blockedReason={capability.allowed ? undefined : capability.reason} />
    </>
  );
}
