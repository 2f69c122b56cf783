import { lookupCallAction, lookupCallBatchAction } from "@/app/(dashboard)/calls/actions";
import { flagCallAction, resolveFlagAction } from "@/app/(dashboard)/calls/flag-actions";
import type { ActionCase } from "./index.cases";

/** The call actions for the role matrix, each with input its schema accepts (seed calls). */
export const CALL_ACTION_CASES: ActionCase[] = [
  { name: "lookupCallAction", action: lookupCallAction, permission: "calls.lookup", validInput: { callId: "M2151015000000012345" } },
  {
    name: "lookupCallBatchAction",
    action: lookupCallBatchAction,
    permission: "calls.lookup",
    validInput: { callIds: ["M2151015000000012345", "Y1115101600000012346", "M12345"] },
  },
  { name: "flagCallAction", action: flagCallAction, permission: "calls.flag", validInput: { direction: "outbound", key: "1731683700.101", reason: "customer_dispute", notes: "Customer says no sale was agreed" } },
  { name: "resolveFlagAction", action: resolveFlagAction, permission: "calls.flag", validInput: { flagId: 1 } },
];
