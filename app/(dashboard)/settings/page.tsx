import type { Metadata } from "next";
import { RoleMapForm } from "@/components/forms";
import { Badge, Card, DetailList, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { breakGlassAccounts } from "@/lib/auth/local-login";
import { formatRoleMap } from "@/lib/auth/oidc/role-map";
import { effectiveRoleMap, oidcClientSettings, OIDC_PROVIDER_ID } from "@/lib/auth/oidc/settings";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Settings" };

const LOCAL_LOGIN_LABELS = {
  on: "On: every local account may sign in with its password",
  breakglass: "Break-glass only",
  off: "Off: single sign-on only",
} as const;

export default async function SettingsPage() {
  await requirePage("/settings");
  const e = env();
  const sso = oidcClientSettings(e);
  const roles = await effectiveRoleMap(e);
  const breakGlass = breakGlassAccounts(e);

  return (
    <>
      <PageHeader title="Settings" description="Single sign-on and local sign-in. The connection to the identity provider is set in the environment; the group-to-role map can be kept here." />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Single sign-on (OpenID Connect)">
          {sso ? (
            <DetailList
              items={[
                { label: "Provider", value: sso.name },
                { label: "Issuer", value: sso.issuer },
                { label: "Client ID", value: sso.clientId },
                { label: "Redirect URI to register", value: `/api/auth/callback/${OIDC_PROVIDER_ID}` },
                { label: "Role claim", value: sso.roleClaim },
                { label: "Session length", value: `${Math.round(sso.sessionSeconds / 60)} minutes, then through the provider again (which re-reads the role)` },
              ]}
            />
          ) : (
            <p className="text-sm">Not configured. Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to offer &quot;Sign in with …&quot; (see the README).</p>
          )}
          <div className="mt-4">
            <DetailList
              items={[
                { label: "Local sign-in (LOCAL_LOGIN)", value: LOCAL_LOGIN_LABELS[e.LOCAL_LOGIN] },
                ...(e.LOCAL_LOGIN === "breakglass" ? [{ label: "Break-glass accounts", value: breakGlass.join(", ") }] : []),
              ]}
            />
          </div>
        </Card>
        <Card title="Groups and roles">
          <div className="mb-4 space-y-2 text-sm">
            <p>
              In force:{" "}
              {roles.source === "environment" ? (
                <Badge tone="amber">OIDC_ROLE_MAP in the environment</Badge>
              ) : roles.source === "settings" ? (
                <Badge tone="blue">saved here</Badge>
              ) : (
                <Badge tone="red">none: nobody can sign in with the provider</Badge>
              )}
            </p>
            {roles.map.length > 0 && (
              <ul aria-label="Role map in force" className="list-inside list-disc">
                {roles.map.map(([value, role]) => (
                  <li key={value}>
                    <code>{value}</code> → {ROLE_LABELS[role]}
                  </li>
                ))}
              </ul>
            )}
            {roles.source === "environment" && <p>The environment wins over the map saved here. What you save below applies once OIDC_ROLE_MAP is removed.</p>}
          </div>
          <RoleMapForm saved={roles.saved ?? (roles.source === "environment" ? formatRoleMap(roles.map) : "")} />
        </Card>
      </div>
    </>
  );
}
