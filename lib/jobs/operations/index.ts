import "server-only";
import type { JobKind } from "../kinds";
import type { JobOperation } from "../operation";
import { agentsOperation } from "./agents";
import { bulkOperation } from "./bulk";
import { addCidEntriesOperation } from "./cid";
import { copyDidsOperation } from "./did-copy";
import { addDidsOperation } from "./dids";
import { undoJobOperation } from "@/lib/undo/job";

export const JOB_OPERATIONS: Record<JobKind, JobOperation> = {
  dids: addDidsOperation,
  "did-copy": copyDidsOperation,
  cid: addCidEntriesOperation,
  agents: agentsOperation,
  "did-bulk": bulkOperation,
  "phone-bulk": bulkOperation,
  undo: undoJobOperation,
};
