import { undoCells } from "@/components/audit/undo-cells";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AliasForm } from "@/components/forms";
import { DeleteAliasButton } from "@/components/aliases/delete-alias-button";
import { ChangeHistory } from "@/components/audit/change-history";
import { historyEntry } from "@/lib/audit/history";
import { phonePath, routeSegment } from "@/components/phones/labels";
import { Card, DetailList, PageHeader } from "@/components/ui";
import { listAuditForTarget } from "@/lib/audit/queries";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { apiCapabilities } from "@/lib/connection/capabilities";
import { getAlias } from "@/lib/aliases/inventory";
import { phonesByLogin } from "@/lib/phones/inventory";
import { splitLogins } from "@/lib/aliases/schemas";
import { knownValue, LastChangeLine, SettingsUnknownNote } from "@/components/inventory/last-change";
import { lastChange } from "@/lib/inventory/last-change";

export const metadata = { title: "Phone alias" };

export default async function AliasPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("/aliases/[id]");
  const { id } = await params;
  const alias = await getAlias(routeSegment(id));
  if (!alias) notFound();

  const logins = splitLogins(alias.phoneLogins);
  const canWrite = can(user.role, "phones.write");
  const ownOnly = !can(user.role, "audit.view");
  const [history, phones, capabilities, change] = await Promise.all([
    listAuditForTarget("alias", alias.aliasId, 20, ownOnly ? { kind: "own", actorId: user.id } : { kind: "all" }),
    phonesByLogin(logins),
    canWrite ? apiCapabilities(["aliases.update", "aliases.delete"]) : Promise.resolve(undefined),
    lastChange("alias", alias.aliasId, alias),
  ]);
  const reason = (key: string) => (capabilities?.[key]?.allowed === false ? capabilities[key].reason : undefined);
  const known = Object.fromEntries([...phones].map(([login, phone]) => [login, phone.fullName ?? ""]));

  return (
    <>
      <PageHeader
        title={`Phone alias ${alias.aliasId}`}
        description={
          <>
            <Link href="/aliases" className="underline">
              All aliases
            </Link>
            <span className="mt-1 block">
              <LastChangeLine change={change} showAuditLink={can(user.role, "audit.view.own")} />
            </span>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          {!alias.settingsKnown && <SettingsUnknownNote what="phone alias" />}
          <DetailList
            items={[
              { label: "Alias ID", value: alias.aliasId },
              { label: "Name", value: knownValue(alias.settingsKnown, alias.aliasName) },
              {
                label: "Phone logins, in order",
                value: !alias.settingsKnown && logins.length === 0 ? knownValue(false, null) : (
                  <ol className="list-inside list-decimal">
                    {logins.map((login) => {
                      const phone = phones.get(login);
                      return (
                        <li key={login}>
                          {phone ? (
                            <Link href={phonePath(phone)} className="underline">
                              {login}
                            </Link>
                          ) : (
                            login
                          )}
                          {phone?.fullName && <span className="text-slate-500 dark:text-slate-400"> · {phone.fullName}</span>}
                        </li>
                      );
                    })}
                  </ol>
                ),
              },
            ]}
          />
        </Card>
        {canWrite && (
          <Card title="Change this alias">
            <AliasForm alias={{ aliasId: alias.aliasId, aliasName: alias.aliasName, phoneLogins: logins }} known={known} blockedReason={reason("aliases.update")} />
          </Card>
        )}
        <ChangeHistory
          rows={history.map(historyEntry)}
          caption="Change history"
          scopeNote={ownOnly ? "Only your own changes are shown." : undefined} undo={await undoCells(history, user.role)} />
        {canWrite && (
          <Card title="Delete this alias">
            <DeleteAliasButton aliasId={alias.aliasId} blockedReason={reason("aliases.delete")} />
          </Card>
        )}
      </div>
    </>
  );
}
