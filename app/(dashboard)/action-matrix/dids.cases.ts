import { addDidAction, addExistingDidAction, copyDidAction, deleteDidAction, updateDidAction } from "@/app/(dashboard)/dids/actions";
import type { ActionCase } from "./index.cases";

/** The DID actions for the role matrix, each with input its schema accepts. */
export const DID_ACTION_CASES: ActionCase[] = [
  { name: "addExistingDidAction", action: addExistingDidAction, permission: "dids.write", validInput: { didPattern: "7275550199" } },
  {
    name: "addDidAction",
    action: addDidAction,
    permission: "dids.write",
    validInput: { didPattern: "+17275553333", description: "Inbound to TEST_IN", didRoute: "IN_GROUP", group: "TEST_IN", active: true },
  },
  { name: "updateDidAction", action: updateDidAction, permission: "dids.write", validInput: { didPattern: "3125550000", active: false } },
  { name: "copyDidAction", action: copyDidAction, permission: "dids.write", validInput: { sourceDidPattern: "7275550100", newDids: "7275553337\n7275553338" } },
  { name: "deleteDidAction", action: deleteDidAction, permission: "dids.delete", validInput: { didPattern: "3125550000" } },
];
