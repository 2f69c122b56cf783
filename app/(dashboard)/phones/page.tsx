import { clusterReadsConfigured } from "@/lib/cluster/status";
import { AddExistingSection } from "@/components/inventory/add-existing-section";
import { Unknown } from "@/components/inventory/last-change";
import { ClusterStaleBanner } from "@/components/cluster/stale-banner";
import { Link } from "@/components/ui/link";
import { Badge, Button, ButtonLink, EmptyState, Field, FilterBar, flattenSearchParams, KeysetPagination, PageHeader, SortTh, Table, Td, Th } from "@/components/ui";
import { SelectPageCheckbox } from "@/components/ui/bulk-bar";
import { RowCheckbox } from "@/components/ui/row-checkbox";
import { PhoneBulkBar } from "@/components/phones/phone-bulk-bar";
import { PHONE_SELECTION_FORM, phoneSelectionValue } from "@/components/phones/selection";
import { phonePath, yesNoLabel } from "@/components/phones/labels";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { apiCapability, type ApiCapability } from "@/lib/connection/capabilities";
import { SipStatusBadge } from "@/components/phones/sip-status-badge";
import { knownPhoneServers, listPhones, phoneListQuery, SIP_FILTER_NOT_REGISTERED } from "@/lib/phones/inventory";
import { PHONE_PROTOCOLS } from "@/lib/phones/schemas";
import { phoneFieldLabel } from "@/lib/phones/fields";
import { Time } from "@/components/ui/time";
import { ExportLink } from "@/components/ui/export-link";

export const metadata = { title: "Phones" };

const BASE = "/phones";

export default async function PhonesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/phones");
  const params = flattenSearchParams(await searchParams);
  const query = phoneListQuery(params);
  const canWrite = can(user.role, "phones.write");
  const [{ rows, total, previous, next }, servers, addCapability] = await Promise.all([
    listPhones(query),
    knownPhoneServers(),
    canWrite ? apiCapability("phones.add") : Promise.resolve<ApiCapability>({ allowed: true }),
  ]);
  const sortParams = { ...params, sort: query.sort };
  const filtered = Boolean(params.q || params.server || params.protocol || params.sip);
  const th = (label: string, column: string) => <SortTh label={label} column={column} params={sortParams} basePath={BASE} />;

  return (
    <>
      <PageHeader
        title="Phones"
        description={
          clusterReadsConfigured()
            ? "Every phone VICIdial holds, read from its database, with its SIP registration as VICIdial last saw it."
            : "The phones this dashboard knows: those added or changed here, and those added to the list by hand. VICIdial's API cannot list phones, so other phones made elsewhere do not appear."
        }
        actions={
          <>
            <ExportLink href="/phones/export.csv" params={params} />
            {canWrite &&
          (addCapability.allowed ? (
            <ButtonLink href="/phones/new">Add phone</ButtonLink>
          ) : (
            <span className="flex items-center gap-2">
              <Button disabled title={addCapability.reason}>
                Add phone
              </Button>
              <span className="text-sm text-slate-600 dark:text-slate-400">Not available: {addCapability.reason}</span>
            </span>
          ))}
          </>
        }
      />
      <FilterBar basePath={BASE} params={sortParams}>
        <Field label="Search">{(p) => <input {...p} name="q" type="search" defaultValue={params.q ?? ""} placeholder="Extension, login, name or CID" />}</Field>
        <Field label="Server">
          {(p) => (
            <select {...p} name="server" defaultValue={params.server ?? ""}>
              <option value="">All servers</option>
              {servers.map((server) => (
                <option key={server} value={server}>
                  {server}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Protocol">
          {(p) => (
            <select {...p} name="protocol" defaultValue={params.protocol ?? ""}>
              <option value="">All protocols</option>
              {PHONE_PROTOCOLS.map((protocol) => (
                <option key={protocol} value={protocol}>
                  {protocol}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="SIP registration">
          {(p) => (
            <select {...p} name="sip" defaultValue={params.sip ?? ""}>
              <option value="">Any registration</option>
              <option value={SIP_FILTER_NOT_REGISTERED}>Not registered</option>
            </select>
          )}
        </Field>
      </FilterBar>
      <ClusterStaleBanner />
      {canWrite && <AddExistingSection kind="phone" />}
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No phone matches these filters">
            <Link href={BASE} className="underline">
              Show every phone
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No phones yet" action={canWrite && addCapability.allowed ? <ButtonLink href="/phones/new">Add phone</ButtonLink> : undefined}>
            {canWrite ? "Add a phone here and it is created in VICIdial and listed." : "Phones appear here once an IT (provisioning) user or an admin adds them."}
          </EmptyState>
        )
      ) : (
        <>
          {canWrite && <PhoneBulkBar />}
          <Table caption="Phones the dashboard knows">
            <thead>
              <tr>
                {canWrite && (
                  <Th className="w-8">
                    <SelectPageCheckbox formId={PHONE_SELECTION_FORM} label="Select every phone on this page" />
                  </Th>
                )}
                {th("Extension", "extension")}
                {th("Server", "server")}
                {th("Login", "login")}
                {th("Protocol", "protocol")}
                {th("Full name", "name")}
                {th("Voicemail", "voicemail")}
                {th(phoneFieldLabel("outboundCid"), "cid")}
                {th("Active", "active")}
                <Th>SIP status</Th>
                {th("Last changed", "updated")}
              </tr>
            </thead>
            <tbody>
              {rows.map((phone) => (
                <tr key={`${phone.serverIp}/${phone.extension}`}>
                  {canWrite && (
                    <Td>
                      <RowCheckbox formId={PHONE_SELECTION_FORM} value={phoneSelectionValue(phone)} label={`Select phone ${phone.extension} on ${phone.serverIp}`} />
                    </Td>
                  )}
                  <Td>
                    <Link href={phonePath(phone)} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
                      {phone.extension}
                    </Link>
                  </Td>
                  <Td>{phone.serverIp}</Td>
                  <Td>{phone.settingsKnown || phone.login ? phone.login : <Unknown />}</Td>
                  <Td>{phone.settingsKnown || phone.protocol ? phone.protocol : <Unknown />}</Td>
                  <Td>{phone.settingsKnown || phone.fullName ? phone.fullName : <Unknown />}</Td>
                  <Td>{phone.voicemailId}</Td>
                  <Td>{phone.outboundCid}</Td>
                  <Td>{phone.active ? <Badge tone={phone.active === "Y" ? "green" : "neutral"}>{yesNoLabel(phone.active)}</Badge> : null}</Td>
                  <Td className="whitespace-nowrap">
                    <SipStatusBadge peerStatus={phone.peerStatus} pingTime={phone.pingTime} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Time value={phone.updatedAt} />
                    <span className="block text-xs text-slate-500 dark:text-slate-400">by {phone.updatedBy}</span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <KeysetPagination shown={rows.length} total={total} previous={previous} next={next} params={sortParams} basePath={BASE} />
        </>
      )}
    </>
  );
}
