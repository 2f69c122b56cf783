import { redirect } from "next/navigation";
import { CallCard } from "@/components/calls/call-card";
import { CallSearchForm } from "@/components/forms";
import { LookupProblem } from "@/components/calls/lookup-problem";
import { callPath } from "@/components/calls/paths";
import { ToastOnMount } from "@/components/calls/toast-on-mount";
import { ButtonLink, Card, ErrorCallout, PageHeader } from "@/components/ui";
import type { ActionError } from "@/lib/actions/result";
import { requirePage } from "@/lib/auth/guard";
import { stateOfError } from "@/lib/calls/outcome";
import { normalizeCallId } from "@/lib/calls/schemas";
import { lookupCallAction } from "../actions";

type Params = { params: Promise<{ callId: string }> };

/** The segment as pasted into the address bar; a stray "%" must not break the page. */
async function pastedId(params: Params["params"]): Promise<string> {
  const { callId } = await params;
  try {
    return decodeURIComponent(callId);
  } catch {
    return callId;
  }
}

export async function generateMetadata({ params }: Params) {
  return { title: `Call ${normalizeCallId(await pastedId(params)).slice(0, 40)}` };
}

function Problem({ callId, error }: { callId: string; error: ActionError }) {
  switch (stateOfError(error)) {
    case "not_found":
      return (
        <LookupProblem title="Call not found" raw={error.raw}>
          <p>
            VICIdial has no call with the ID <code className="font-mono">{callId}</code>.
          </p>
          <p>Check that the ID is complete and comes from this VICIdial system: a call ID copied from another system, or cut short, is not found.</p>
        </LookupProblem>
      );
    case "log_missing":
      return (
        <LookupProblem title="Call found, but its call log is missing" tone="amber" raw={error.raw}>
          <p>
            VICIdial knows the call ID <code className="font-mono">{callId}</code>, but its call log has no entry for that call, so there are no details
            (number, campaign, status, agent, talk time) to show.
          </p>
          <p>The log entry may have been archived or removed, or the call may never have been connected. A VICIdial administrator can check the call logs directly.</p>
        </LookupProblem>
      );
    case "invalid":
      return (
        <LookupProblem title="Not a call ID VICIdial accepts">
          <p>{error.fieldErrors?.callId?.[0] ?? error.message}.</p>
          <p>Nothing was sent to VICIdial. Check the ID and look it up again below.</p>
        </LookupProblem>
      );
    default:
      return <ErrorCallout error={error} title={error.kind === "vicidial" ? "VICIdial refused the lookup" : undefined} />;
  }
}

/**
 * The deep link of one call: every visit is a fresh, audited lookup in VICIdial (the audit log
 * then shows who looked at the call and when).
 */
export default async function CallPage({ params }: Params) {
  await requirePage("/calls/[callId]");
  const pasted = await pastedId(params);
  const callId = normalizeCallId(pasted);
  // A link pasted with quotes or spaces around the ID: show the clean link instead.
  if (callId !== pasted && callId !== "") redirect(callPath(callId));

  const result = await lookupCallAction(undefined, { callId });
  const lookedUpAt = new Date();
  const valid = result.ok || stateOfError(result.error) !== "invalid";

  return (
    <>
      <PageHeader
        title={valid ? `Call ${callId}` : "Call lookup"}
        description={result.ok ? "As VICIdial reports it right now." : undefined}
        actions={
          <>
            <ButtonLink href="/calls" variant="secondary">
              All lookups
            </ButtonLink>
            <ButtonLink href="/calls/batch" variant="secondary">
              Look up many calls
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        {result.ok ? (
          <CallCard call={result.data} lookedUpAt={lookedUpAt} />
        ) : (
          <>
            <Problem callId={callId} error={result.error} />
            <ToastOnMount
              id={`call-lookup-${callId}-${lookedUpAt.getTime()}`}
              message={result.error.fieldErrors?.callId?.[0] ?? result.error.message}
              tone={stateOfError(result.error) === "failed" ? "error" : "warning"}
            />
          </>
        )}
        <Card title="Look up another call">
          <CallSearchForm />
        </Card>
      </div>
    </>
  );
}
