import { AddPhoneForm } from "@/components/forms";
import { PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { apiCapability } from "@/lib/connection/capabilities";
import { connectionStatus } from "@/lib/connection/status";
import { knownPhoneServers } from "@/lib/phones/inventory";
import { normalizeTimeZone } from "@/lib/phones/schemas";

export const metadata = { title: "Add phone" };

export default async function NewPhonePage() {
  await requirePage("/phones/new");
  const [servers, capability, status] = await Promise.all([knownPhoneServers(), apiCapability("phones.add"), connectionStatus()]);
  return (
    <>
      <PageHeader
        title="Add phone"
        description="Creates the phone in VICIdial. The passwords are shown once, after the phone is added; the dashboard never stores them."
      />
      {!capability.allowed && (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Adding phones is switched off: {capability.reason}.
        </p>
      )}
      <AddPhoneForm
        servers={servers}
        defaultTimeZone={status.timeZone ? normalizeTimeZone(status.timeZone) : undefined}
        blockedReason={capability.allowed ? undefined : capability.reason}
      />
    </>
  );
}
