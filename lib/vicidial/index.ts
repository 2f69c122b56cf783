import "server-only";

/**
 * The VICIdial protocol client (server only). One typed function per non_agent_api.php call;
 * each returns a VicidialResult and never throws for a VICIdial answer or a network failure.
 * Functions use the configured default client unless one is passed.
 */
export { configureVicidial, getVicidialClient } from "./default-client";
export { createVicidialClient, type ClientDependencies, type VicidialClient } from "./client";
export { DEFAULT_MAX_IN_FLIGHT, DEFAULT_TIMEOUT_MS, type VicidialConfig } from "./config";
export { VICIDIAL_ERROR_CODES, type VicidialErrorCode, type VicidialFailure, type VicidialResult } from "./errors";
export { LOCKOUT_PAUSE_MS } from "./lockout-guard";
export type { CallContext } from "./operation";

export { version, type VersionInfo } from "./version";
export {
  addPhone,
  updatePhone,
  deletePhone,
  PHONE_PROTOCOLS,
  WEBPHONE_MODES,
  type AddPhoneInput,
  type UpdatePhoneInput,
  type DeletePhoneInput,
  type AddedPhone,
  type PhoneRef,
} from "./phones";
export {
  addPhoneAlias,
  updatePhoneAlias,
  deletePhoneAlias,
  type AddPhoneAliasInput,
  type UpdatePhoneAliasInput,
  type DeletePhoneAliasInput,
  type AddedPhoneAlias,
  type PhoneAliasRef,
} from "./aliases";
export {
  addDid,
  updateDid,
  deleteDid,
  copyDid,
  parseCopyDidLines,
  type AddDidInput,
  type UpdateDidInput,
  type DeleteDidInput,
  type CopyDidInput,
  type AddedDid,
  type DeletedDid,
  type CopiedDid,
  type CopyDidOutcome,
} from "./dids";
export {
  cidGroupInfo,
  addCidEntry,
  updateCidEntries,
  deleteCidEntries,
  ANY_AREACODE,
  type CidGroupInfoInput,
  type AddCidEntryInput,
  type UpdateCidEntriesInput,
  type DeleteCidEntriesInput,
  type CidGroupInfo,
  type CidGroupRow,
  type CidEntryChange,
} from "./cid-groups";
export { callInfo, CALL_TYPES, type CallInfoInput, type CallInfo } from "./calls";
export { checkConnection, type ConnectionCheck, type Capability, type CapabilityKey, type CredentialsStatus } from "./connection";
