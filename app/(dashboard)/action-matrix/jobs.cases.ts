import {
  cancelJobAction,
  confirmSheetSavedAction,
  downloadSheetAction,
  pauseJobAction,
  resumeJobAction,
  startAgentJobAction,
  startCidJobAction,
  startDidCopyJobAction,
  startDidJobAction,
} from "@/app/(dashboard)/jobs/actions";
import { bulkChangeDidsAction, bulkDeleteDidsAction, bulkPhonesAction } from "@/app/(dashboard)/jobs/bulk-actions";
import type { ActionCase } from "./index.cases";

const JOB = { jobId: "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b" };

/** The bulk job actions for the role matrix, each with input its schema accepts. */
export const JOB_ACTION_CASES: ActionCase[] = [
  {
    name: "startDidJobAction",
    action: startDidJobAction,
    permission: "dids.write",
    validInput: { text: "7275553401,Matrix DID,EXTEN,8300", hasHeader: false, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} },
  },
  {
    name: "startDidCopyJobAction",
    action: startDidCopyJobAction,
    permission: "dids.write",
    validInput: { text: "7275553402", hasHeader: false, mapping: { didPattern: 0 }, options: { sourceDidPattern: "7275550100" } },
  },
  {
    name: "startCidJobAction",
    action: startCidJobAction,
    permission: "cid.write",
    validInput: { text: "979,9795550001,Matrix entry,Y", hasHeader: false, mapping: { areacode: 0, outbound_cid: 1, description: 2, active: 3 }, options: { groupId: "US_SALES" } },
  },
  {
    name: "startAgentJobAction",
    action: startAgentJobAction,
    permission: "phones.write",
    validInput: {
      text: "7901,matrix7901,Matrix Agent,7275551234",
      hasHeader: false,
      mapping: { extension: 0, login: 1, fullName: 2, outboundCid: 3 },
      options: { serverIp: "10.10.10.15", protocol: "SIP", localGmt: "-5.00", aliasMode: "none" },
    },
  },
  // Keys nobody holds: an allowed call starts a job whose one row VICIdial refuses.
  { name: "bulkChangeDidsAction", action: bulkChangeDidsAction, permission: "dids.write", validInput: { action: "deactivate", didPatterns: ["7275553499"] } },
  { name: "bulkDeleteDidsAction", action: bulkDeleteDidsAction, permission: "dids.delete", validInput: { didPatterns: ["7275553498"] } },
  { name: "bulkPhonesAction", action: bulkPhonesAction, permission: "phones.write", validInput: { action: "activate", phones: [{ serverIp: "10.10.10.15", extension: "79099" }] } },
  { name: "pauseJobAction", action: pauseJobAction, permission: "jobs.run", validInput: JOB },
  { name: "resumeJobAction", action: resumeJobAction, permission: "jobs.run", validInput: JOB },
  { name: "cancelJobAction", action: cancelJobAction, permission: "jobs.run", validInput: JOB },
  { name: "downloadSheetAction", action: downloadSheetAction, permission: "phones.write", validInput: JOB },
  { name: "confirmSheetSavedAction", action: confirmSheetSavedAction, permission: "phones.write", validInput: JOB },
];
