// What a function handler gets: the state, its sanitized parameters, the authenticated API
// user, the request's clock reading, and the admin-log writer (contract 1.7).
import { phpDateTime } from "./clock";
import type { ApiParams } from "./sanitize";
import { LOG_ROWS_KEPT, type AdminLogRow, type SimulatorState, type User } from "./state";

export interface FunctionContext {
  state: SimulatorState;
  p: ApiParams;
  /** The vicidial_users row of the API user (authenticated, active). */
  apiUser: User;
  /** `{user}` in response lines: the sanitized login as sent. */
  user: string;
  now: Date;
  clientIp: string;
}

export function appendCapped<T>(rows: T[], row: T): void {
  rows.push(row);
  if (rows.length > LOG_ROWS_KEPT) rows.splice(0, rows.length - LOG_ROWS_KEPT);
}

/** INSERT INTO vicidial_admin_log: the next auto-increment id, whoever writes the row. */
export function appendAdminLog(state: SimulatorState, row: Omit<AdminLogRow, "admin_log_id">): AdminLogRow {
  const logged = { admin_log_id: state.nextAdminLogId, ...row };
  state.nextAdminLogId++;
  appendCapped(state.adminLog, logged);
  return logged;
}

export function writeAdminLog(
  ctx: FunctionContext,
  event_section: string,
  event_type: string,
  record_id: string,
  event_code: string,
  event_notes = "",
): void {
  appendAdminLog(ctx.state, {
    event_date: phpDateTime(ctx.now),
    user: ctx.user,
    ip_address: ctx.clientIp,
    event_section,
    event_type,
    record_id,
    event_code,
    event_notes,
  });
}
