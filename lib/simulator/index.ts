// A byte-faithful stand-in for VICIdial's non_agent_api.php (contract: ../shared/vicidial-api.md),
// written independently of lib/vicidial and the resources' schemas so that testing the client against it
// proves something.
export { startSimulator, API_PATH } from "./server";
export { createSeedState } from "./seed";
export type { DidRequestCounts } from "./did-requests";
export type { ReceivedRequest, RunningSimulator, SimulatorFaults, SimulatorOptions } from "./types";
export type {
  AdminLogRow,
  AgentLogRow,
  ApiLogRow,
  CallLogRow,
  CallMenu,
  CallRecords,
  Campaign,
  CidGroup,
  CidGroupEntry,
  ConfTemplate,
  Did,
  Flag,
  InboundGroup,
  IpList,
  List,
  LogExtendedRow,
  Phone,
  PhoneAlias,
  Server,
  SimulatorState,
  SystemSettings,
  User,
  UserGroup,
  YesNo,
} from "./state";

/** A seed user with every right (level 9, ALL_FUNCTIONS): the demo's default API login. */
export const SIMULATOR_DEMO_CREDENTIALS = { user: "6666", pass: "1234" };
