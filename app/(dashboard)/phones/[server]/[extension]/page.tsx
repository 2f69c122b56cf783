import { undoCells } from "@/components/audit/undo-cells";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ChangeHistory } from "@/components/audit/change-history";
import { historyEntry } from "@/lib/audit/history";
import { DeletePhoneButton } from "@/components/phones/delete-phone-button";
import { SipStatusBadge } from "@/components/phones/sip-status-badge";
import { EditPhoneForm } from "@/components/forms";
import { routeSegment, WEBPHONE_LABELS, yesNoLabel } from "@/components/phones/labels";
import { Badge, Card, DetailList, PageHeader } from "@/components/ui";
import { listAuditForTarget } from "@/lib/audit/queries";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { apiCapabilities } from "@/lib/connection/capabilities";
import { aliasesWithLogin } from "@/lib/aliases/inventory";
import { getPhone, phoneFormValues } from "@/lib/phones/inventory";
import { phoneTarget, timeZoneLabel } from "@/lib/phones/schemas";
import { phoneFieldLabel } from "@/lib/phones/fields";
import { knownValue, LastChangeLine, SettingsUnknownNote } from "@/components/inventory/last-change";
import { lastChange } from "@/lib/inventory/last-change";

export const metadata = { title: "Phone" };

export default async function PhonePage({ params }: { params: Promise<{ server: string; extension: string }> }) {
  const user = await requirePage("/phones/[server]/[extension]");
  const raw = await params;
  const phone = await getPhone({ serverIp: routeSegment(raw.server), extension: routeSegment(raw.extension) });
  if (!phone) notFound();

  const canWrite = can(user.role, "phones.write");
  const ownOnly = !can(user.role, "audit.view");
  const [history, aliases, capabilities, change] = await Promise.all([
    listAuditForTarget("phone", phoneTarget(phone), 20, ownOnly ? { kind: "own", actorId: user.id } : { kind: "all" }),
    aliasesWithLogin(phone.login),
    canWrite ? apiCapabilities(["phones.update", "phones.delete"]) : Promise.resolve(undefined),
    lastChange("phone", phoneTarget(phone), phone),
  ]);
  const known = <T,>(value: T) => knownValue(phone.settingsKnown, value);
  const reason = (key: string) => (capabilities?.[key]?.allowed === false ? capabilities[key].reason : undefined);

  return (
    <>
      <PageHeader
        title={`Phone ${phone.extension}`}
        description={
          <>
            On server {phone.serverIp}.{" "}
            <Link href="/phones" className="underline">
              All phones
            </Link>
            <span className="mt-1 block">
              <LastChangeLine change={change} showAuditLink={can(user.role, "audit.view.own")} />
            </span>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          {!phone.settingsKnown && <SettingsUnknownNote what="phone" />}
          <DetailList
            items={[
              { label: phoneFieldLabel("extension"), value: phone.extension },
              { label: phoneFieldLabel("serverIp"), value: phone.serverIp },
              { label: "Login", value: known(phone.login) },
              { label: phoneFieldLabel("protocol"), value: known(phone.protocol) },
              { label: "SIP status", value: <SipStatusBadge peerStatus={phone.peerStatus} pingTime={phone.pingTime} /> },
              { label: phoneFieldLabel("phoneFullName"), value: known(phone.fullName || undefined) },
              { label: phoneFieldLabel("active"), value: known(phone.active ? <Badge tone={phone.active === "Y" ? "green" : "neutral"}>{yesNoLabel(phone.active)}</Badge> : undefined) },
              { label: phoneFieldLabel("dialplanNumber"), value: known(phone.dialplanNumber || undefined) },
              { label: phoneFieldLabel("voicemailId"), value: known(phone.voicemailId || undefined) },
              { label: phoneFieldLabel("outboundCid"), value: known(phone.outboundCid || undefined) },
              { label: phoneFieldLabel("localGmt"), value: known(timeZoneLabel(phone.localGmt)) },
              { label: phoneFieldLabel("phoneContext"), value: known(phone.phoneContext || undefined) },
              { label: phoneFieldLabel("email"), value: known(phone.email || undefined) },
              { label: phoneFieldLabel("adminUserGroup"), value: known(phone.adminUserGroup || undefined) },
              { label: phoneFieldLabel("templateId"), value: known(phone.templateId || undefined) },
              { label: phoneFieldLabel("isWebphone"), value: known(phone.isWebphone ? (WEBPHONE_LABELS[phone.isWebphone] ?? phone.isWebphone) : undefined) },
              { label: phoneFieldLabel("webphoneAutoAnswer"), value: known(yesNoLabel(phone.webphoneAutoAnswer)) },
              { label: phoneFieldLabel("useExternalServerIp"), value: known(yesNoLabel(phone.useExternalServerIp)) },
              { label: phoneFieldLabel("onHookAgent"), value: known(yesNoLabel(phone.onHookAgent)) },
              {
                label: "In phone aliases",
                value:
                  aliases.length > 0
                    ? aliases.map((alias, i) => (
                        <span key={alias.aliasId}>
                          {i > 0 && ", "}
                          <Link href={`/aliases/${encodeURIComponent(alias.aliasId)}`} className="underline">
                            {alias.aliasId}
                          </Link>
                        </span>
                      ))
                    : undefined,
              },
            ]}
          />
          <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
            Passwords are never shown: the dashboard does not store them. Set new ones below to replace them.
          </p>
        </Card>

        {canWrite && (
          <Card title="Change this phone">
            <EditPhoneForm
              phone={phoneFormValues(phone)}
              blockedReason={reason("phones.update")}
            />
          </Card>
        )}

        <ChangeHistory
          rows={history.map(historyEntry)}
          caption="Change history"
          scopeNote={ownOnly ? "Only your own changes are shown." : undefined} undo={await undoCells(history, user.role)} />

        {canWrite && (
          <Card title="Delete this phone">
            <DeletePhoneButton phone={{ serverIp: phone.serverIp, extension: phone.extension }} aliases={aliases.map((a) => a.aliasId)} blockedReason={reason("phones.delete")} />
          </Card>
        )}
      </div>
    </>
  );
}
