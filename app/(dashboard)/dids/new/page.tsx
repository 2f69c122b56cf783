import { AddDidForm } from "@/components/forms";
import { PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { apiCapability } from "@/lib/connection/capabilities";
import { didSuggestions } from "@/lib/dids/inventory";

export const metadata = { title: "Add DID" };

export default async function NewDidPage() {
  await requirePage("/dids/new");
  const [suggestions, capability] = await Promise.all([didSuggestions(), apiCapability("dids.add")]);
  return (
    <>
      <PageHeader
        title="Add DID"
        description="VICIdial creates the DID with these settings; settings left empty take VICIdial's defaults. The DID joins the list once VICIdial confirms it."
      />
      <AddDidForm suggestions={suggestions} blockedReason={capability.allowed ? undefined : (capability.reason ?? "not allowed")} />
    </>
  );
}
