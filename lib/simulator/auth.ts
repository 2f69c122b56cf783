// Contract 1.4: user_authorization($user,$pass,'REPORTS',1,1), with the failed-login counter
// and the 15-minute lockout kept on the shared vicidial_users row.
import { sameKey } from "./mysql";
import type { SimulatorState, User } from "./state";

export type AuthOutcome = "GOOD" | "BAD" | "LOCK" | "IPBLOCK";

const LOCK_TRIGGER_ATTEMPTS = 10;
const LOCK_SECONDS = 900;

export function findUser(state: SimulatorState, user: string): User | undefined {
  return state.users.find((row) => sameKey(row.user, user));
}

function lastLoginSeconds(row: User): number {
  return Math.floor(Date.parse(row.last_login_date) / 1000);
}

/** `UNIX_TIMESTAMP(last_login_date) < now - 900`: the lock window has passed. */
function lockWindowOver(row: User, nowSeconds: number): boolean {
  return lastLoginSeconds(row) < nowSeconds - LOCK_SECONDS;
}

function classC(ip: string): string {
  return ip.replace(/\.\d+$/, ".x");
}

function ipListContains(state: SimulatorState, listId: string, ip: string): boolean {
  const list = state.ipLists.find((row) => sameKey(row.ip_list_id, listId));
  return list !== undefined && list.entries.some((entry) => entry === ip || entry === classC(ip));
}

/** 1.4.4: the system blacklist and the user group's api_ip_list. */
function ipBlocked(state: SimulatorState, row: User, clientIp: string): boolean {
  if (state.systemSettings.allow_ip_lists < 1 || row.ignore_ip_list === "1") return false;
  const blacklist = state.systemSettings.system_ip_blacklist;
  if (blacklist !== "" && ipListContains(state, blacklist, clientIp)) return true;
  const group = state.userGroups.find((g) => sameKey(g.user_group, row.user_group));
  const apiList = group?.api_ip_list ?? "";
  return apiList !== "" && !ipListContains(state, apiList, clientIp);
}

export function authenticate(
  state: SimulatorState,
  user: string,
  pass: string,
  clientIp: string,
  now: Date,
): AuthOutcome {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const row = findUser(state, user);
  if (!row) return "BAD";

  const valid =
    sameKey(row.pass, pass) &&
    row.user_level > 6 &&
    row.active === "Y" &&
    (row.failed_login_count < LOCK_TRIGGER_ATTEMPTS || lockWindowOver(row, nowSeconds));

  if (valid) {
    if (ipBlocked(state, row, clientIp)) {
      row.failed_login_attempts_today += 1;
      row.failed_last_type_today = "aIPBLOCK";
      return "IPBLOCK";
    }
    row.last_login_date = now.toISOString();
    row.last_ip = clientIp;
    row.failed_login_count = 0;
    return "GOOD";
  }

  // Every kind of rejection counts, including a right password on a level-6 or inactive user.
  if (row.failed_login_count < LOCK_TRIGGER_ATTEMPTS) {
    row.failed_login_count += 1;
  } else if (lockWindowOver(row, nowSeconds)) {
    // Case B: the counter restarts at 1 and last_login_date moves to now, which is what
    // makes the tenth failure after this one a LOCK.
    row.last_login_date = now.toISOString();
    row.failed_login_count = 1;
  } else {
    row.failed_login_attempts_today += 1;
    row.failed_last_type_today = "aLOCK";
    return "LOCK";
  }
  row.last_ip = clientIp;
  row.failed_login_attempts_today += 1;
  row.failed_login_count_today += 1;
  row.failed_last_ip_today = clientIp;
  row.failed_last_type_today = "aBAD";
  return "BAD";
}

/** 1.4.5: the line printed when authentication fails. The password is echoed back. */
export function authFailureLine(outcome: Exclude<AuthOutcome, "GOOD">, user: string, pass: string, clientIp: string): string {
  switch (outcome) {
    case "LOCK":
      return `ERROR: Too many login attempts, try again in 15 minutes: |${user}|LOCK|\n`;
    case "IPBLOCK":
      return `ERROR: Your IP Address is not allowed: ${clientIp}: ||IPBLOCK|\n`;
    case "BAD":
      return `ERROR: Login incorrect, please try again: |${user}|${pass}|BAD|\n`;
  }
}

/** RunningSimulator.lockUser: FLC at the trigger and a success just now (Case A's LOCK state). */
export function lockUserNow(state: SimulatorState, user: string, now: Date): void {
  const row = findUser(state, user);
  if (!row) throw new Error(`lockUser: no user ${user} in the simulator`);
  row.failed_login_count = LOCK_TRIGGER_ATTEMPTS;
  row.last_login_date = now.toISOString();
}
