import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui";
import { CreateUserForm } from "@/components/forms";
import { UsersTable } from "@/components/users/users-table";
import { requirePage } from "@/lib/auth/guard";
import { DEFAULT_PROVIDER_NAME, oidcClientSettings } from "@/lib/auth/oidc/settings";
import { listUsers } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePage("/users");
  const users = await listUsers();
  return (
    <>
      <PageHeader title="Users" description="Who may sign in to this dashboard, and with which role. Changing a role, disabling or resetting a password signs that person out." />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <UsersTable users={users} currentUserId={me.id} providerName={oidcClientSettings()?.name ?? DEFAULT_PROVIDER_NAME} />
        <Card title="Add a user" className="self-start">
          <CreateUserForm />
        </Card>
      </div>
    </>
  );
}
