import { addAliasAction, addExistingAliasAction, deleteAliasAction, updateAliasAction } from "@/app/(dashboard)/aliases/actions";
import { addExistingPhoneAction, addPhoneAction, deletePhoneAction, updatePhoneAction } from "@/app/(dashboard)/phones/actions";
import type { ActionCase } from "./index.cases";

/** The phone and alias actions for the role matrix, each with input its schema accepts (seed phones and alias). */
export const PHONE_ACTION_CASES: ActionCase[] = [
  {
    name: "addPhoneAction",
    action: addPhoneAction,
    permission: "phones.write",
    validInput: {
      extension: "55010",
      dialplanNumber: "55010",
      voicemailId: "55010",
      phoneLogin: "55010",
      phonePass: "MatrixPass55010",
      serverIp: "10.10.10.15",
      protocol: "SIP",
      registrationPassword: "MatrixReg55010",
      phoneFullName: "Matrix phone",
      localGmt: "-5.00",
      outboundCid: "7275551212",
    },
  },
  { name: "updatePhoneAction", action: updatePhoneAction, permission: "phones.write", validInput: { serverIp: "10.10.10.15", extension: "1001", phoneFullName: "Renamed seed" } },
  { name: "deletePhoneAction", action: deletePhoneAction, permission: "phones.write", validInput: { serverIp: "10.10.10.15", extension: "1002" } },
  { name: "addAliasAction", action: addAliasAction, permission: "phones.write", validInput: { aliasId: "MATRIX1", aliasName: "Matrix alias", phoneLogins: ["1001", "gs102"] } },
  { name: "updateAliasAction", action: updateAliasAction, permission: "phones.write", validInput: { aliasId: "SEEDALIAS", aliasName: "Renamed seed alias" } },
  { name: "addExistingPhoneAction", action: addExistingPhoneAction, permission: "phones.write", validInput: { serverIp: "10.10.10.15", extension: "1001" } },
  { name: "addExistingAliasAction", action: addExistingAliasAction, permission: "phones.write", validInput: { aliasId: "SEEDALIAS" } },
  { name: "deleteAliasAction", action: deleteAliasAction, permission: "phones.write", validInput: { aliasId: "SEEDALIAS" } },
];
