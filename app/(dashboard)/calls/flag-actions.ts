"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { flagCallSchema, resolveFlagSchema } from "@/lib/calls/flag-schema";
import { addFlag, resolveFlag } from "@/lib/calls/flags";
import { readError } from "@/lib/calls/read-error";
import { callsReader } from "@/lib/calls/reader";

/**
 * Flags a call for a dispute or a review. The call's facts are read again from VICIdial here,
 * never taken from the form, so a flag always names a call that exists as it is logged.
 */
export const flagCallAction = action({ permission: "calls.flag", schema: flagCallSchema, audit: "call.flag" }, async ({ direction, key, reason, notes }, { user, audit }) => {
  const reader = callsReader();
  if (!reader) return fail("unavailable", "Flagging calls needs read access to VICIdial's database (VICIDIAL_DB_URL).");
  let details;
  try {
    details = await reader.call(direction, key);
  } catch (error) {
    const problem = readError(error);
    return fail("unavailable", problem.message, { raw: problem.raw });
  }
  if (!details) return fail("validation", "VICIdial's logs no longer have this call, so it cannot be flagged.");
  const flag = await addFlag(details, { reason, notes }, user);
  audit.target = details.callId ?? `${direction} call ${key}`;
  audit.after = { flagId: flag.id, reason, notes, callDate: flag.callDate, phoneNumber: flag.phoneNumber, agent: flag.agent };
  revalidatePath(`/calls/${direction}/${key}`);
  return ok({ flagId: flag.id }, "Call flagged");
});

export const resolveFlagAction = action({ permission: "calls.flag", schema: resolveFlagSchema, audit: "call.flag_resolve" }, async ({ flagId }, { user, audit }) => {
  const flag = await resolveFlag(flagId, user);
  if (!flag) return fail("conflict", "This flag is already resolved or no longer exists.");
  audit.target = flag.callId ?? `${flag.direction} call ${flag.callKey}`;
  audit.after = { flagId, state: "resolved" };
  revalidatePath("/calls/flags");
  return ok({ flagId }, "Flag resolved");
});
