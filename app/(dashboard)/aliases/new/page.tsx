import { AliasForm } from "@/components/forms";
import { PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { apiCapability } from "@/lib/connection/capabilities";

export const metadata = { title: "Add phone alias" };

export default async function NewAliasPage() {
  await requirePage("/aliases/new");
  const capability = await apiCapability("aliases.add");
  return (
    <>
      <PageHeader title="Add phone alias" description="Creates the alias in VICIdial. Every login must belong to a phone that exists in VICIdial." />
      {!capability.allowed && (
        <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Adding aliases is switched off: {capability.reason}.
        </p>
      )}
      <AliasForm blockedReason={capability.allowed ? undefined : capability.reason} />
    </>
  );
}
