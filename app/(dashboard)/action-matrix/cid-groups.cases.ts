import {
  addCidEntryAction,
  addCidGroupAction,
  deleteCidEntriesAction,
  removeCidGroupAction,
  updateCidEntriesAction,
} from "@/app/(dashboard)/cid-groups/actions";
import type { ActionCase } from "./index.cases";

/** The CID group actions for the role matrix, each with input its schema accepts. */
export const CID_GROUP_ACTION_CASES: ActionCase[] = [
  { name: "addCidGroupAction", action: addCidGroupAction, permission: "cid.write", validInput: { groupId: "US_SALES" } },
  { name: "removeCidGroupAction", action: removeCidGroupAction, permission: "cid.write", validInput: { groupId: "US_SALES" } },
  {
    name: "addCidEntryAction",
    action: addCidEntryAction,
    permission: "cid.write",
    validInput: { groupId: "US_SALES", areacode: "312", outboundCid: "3125551212", description: "Chicago main", active: true },
  },
  {
    name: "updateCidEntriesAction",
    action: updateCidEntriesAction,
    permission: "cid.write",
    validInput: { groupId: "US_SALES", areacode: "727", outboundCid: "---ALL---", active: false },
  },
  {
    name: "deleteCidEntriesAction",
    action: deleteCidEntriesAction,
    permission: "cid.write",
    validInput: { groupId: "US_SALES", areacode: "727", outboundCid: "7275551001" },
  },
];
