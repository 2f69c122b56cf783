import { lookupCallAction, lookupCallBatchAction } from "@/app/(dashboard)/calls/actions";
import type { ActionCase } from "@/lib/auth/action-matrix.cases";

/** The call lookup actions for the role matrix, each with input its schema accepts (seed calls). */
export const CALL_ACTION_CASES: ActionCase[] = [
  { name: "lookupCallAction", action: lookupCallAction, permission: "calls.lookup", validInput: { callId: "M2151015000000012345" } },
  {
    name: "lookupCallBatchAction",
    action: lookupCallBatchAction,
    permission: "calls.lookup",
    validInput: { callIds: ["M2151015000000012345", "Y1115101600000012346", "M12345"] },
  },
];
