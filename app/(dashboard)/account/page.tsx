import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/forms";
import { Card, DetailList, PageHeader } from "@/components/ui";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requirePage } from "@/lib/auth/guard";
import { DEFAULT_PROVIDER_NAME, oidcClientSettings } from "@/lib/auth/oidc/settings";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getUser } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Also the one page open to a user who still has a one-time password: here they replace it.
  const user = await requirePage("/account");
  const raw = (await searchParams).callbackUrl;
  const continueTo = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  const fromProvider = (await getUser(user.id))?.origin === "oidc";
  const providerName = oidcClientSettings()?.name ?? DEFAULT_PROVIDER_NAME;

  return (
    <>
      <PageHeader title="Account" description="Who you are signed in as, and your password." />
      {user.mustChangePassword && (
        <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="You">
          <DetailList
            items={[
              { label: "Name", value: user.displayName },
              { label: "Username", value: user.username },
              { label: "Role", value: ROLE_LABELS[user.role] },
            ]}
          />
        </Card>
        {fromProvider ? (
          <Card title="Password and role">
            <p className="text-sm">
              You sign in with {providerName}: your password is kept there, and your role comes from your groups there. A change of groups applies at your next sign-in.
            </p>
          </Card>
        ) : (
          <Card title="Change password">
            <ChangePasswordForm continueTo={user.mustChangePassword ? continueTo : undefined} />
          </Card>
        )}
      </div>
    </>
  );
}
