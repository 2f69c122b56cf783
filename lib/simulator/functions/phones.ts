// Contract 2.2 add_phone and 2.3 update_phone.
import { writeAdminLog, type FunctionContext } from "../context";
import { deleteRows, DuplicateKeyError, fitColumn, lengthBetween, PhpFatalError, sameKey, strlen } from "../mysql";
import { may, phoneVisibility } from "../permissions";
import { errorLine, noticeLine, successLine } from "../responses";
import { phoneWithDefaults } from "../seed";
import type { SanitizedName } from "../sanitize";
import type { Phone, SimulatorState } from "../state";

const PROTOCOLS = ["IAX2", "SIP", "Zap", "EXTERNAL"];

/** 2.2: compared numerically under PHP `!=`, stored exactly as sent. */
const TIMEZONES = [
  12.75, 12, 11, 10, 9.5, 9, 8, 7, 6.5, 6, 5.75, 5.5, 5, 4.5, 4, 3.5, 3, 2, 1, 0, -1, -2, -3, -3.5, -4, -5, -6, -7, -8,
  -9, -10, -11, -12,
];

/** A PHP numeric string made of the characters local_gmt keeps (digits, `-`, `.`). */
const PHP_NUMERIC = /^-?(\d+(\.\d*)?|\.\d+)$/;

export function validTimezone(localGmt: string): boolean {
  return PHP_NUMERIC.test(localGmt) && TIMEZONES.includes(Number(localGmt));
}

/** VARCHAR sizes of the phones columns the API writes (non-strict MySQL truncates). */
const PHONE_COLUMN_SIZES: Partial<Record<keyof Phone, number>> = {
  extension: 100,
  dialplan_number: 20,
  voicemail_id: 10,
  login: 15,
  pass: 100,
  server_ip: 15,
  conf_secret: 100,
  fullname: 50,
  local_gmt: 6,
  outbound_cid: 20,
  outbound_alt_cid: 20,
  phone_context: 20,
  user_group: 20,
  email: 100,
  template_id: 15,
};

/**
 * email is the one field whose whitelist keeps `'` (1.3); the quote then ends the SQL string
 * and the INSERT or UPDATE dies (contract 4: HTTP 500, empty body, nothing stored).
 */
function breaksSql(changes: Partial<Phone>): boolean {
  return changes.email?.includes("'") ?? false;
}

function fitPhoneColumns(changes: Partial<Phone>): Partial<Phone> {
  const fitted: Partial<Phone> = { ...changes };
  for (const [column, size] of Object.entries(PHONE_COLUMN_SIZES) as [keyof Phone, number][]) {
    const value = fitted[column];
    if (typeof value === "string") Object.assign(fitted, { [column]: fitColumn(value, size) });
  }
  return fitted;
}

/** ENUM columns matched case-insensitively; anything else is dropped and the default applies. */
function enumChoice(value: string, allowed: readonly string[]): string | undefined {
  return allowed.find((choice) => choice.toLowerCase() === value.toLowerCase());
}

const PHONE_FLAG_FIELDS = [
  { param: "is_webphone", column: "is_webphone", allowed: ["Y", "N", "Y_API_LAUNCH"] },
  { param: "webphone_auto_answer", column: "webphone_auto_answer", allowed: ["Y", "N"] },
  { param: "use_external_server_ip", column: "use_external_server_ip", allowed: ["Y", "N"] },
  { param: "on_hook_agent", column: "on_hook_agent", allowed: ["Y", "N"] },
] as const;

function phoneFlags(ctx: FunctionContext): Partial<Phone> {
  const flags: Partial<Phone> = {};
  for (const field of PHONE_FLAG_FIELDS) {
    const choice = enumChoice(ctx.p[field.param], field.allowed);
    if (choice !== undefined) flags[field.column] = choice;
  }
  return flags;
}

/** template_id: used when ≥ 2 characters; --BLANK-- (any case) clears it; otherwise it must exist. */
function templateChoice(state: SimulatorState, templateId: string): { use: boolean; value: string } | "missing" {
  if (strlen(templateId) < 2) return { use: false, value: "" };
  if (templateId.toUpperCase() === "--BLANK--") return { use: true, value: "" };
  return state.confTemplates.some((t) => sameKey(t.template_id, templateId)) ? { use: true, value: templateId } : "missing";
}

function serverExists(state: SimulatorState, serverIp: string): boolean {
  return state.servers.some((s) => sameKey(s.server_ip, serverIp));
}

function findPhone(state: SimulatorState, extension: string, serverIp: string): Phone | undefined {
  return state.phones.find((ph) => sameKey(ph.extension, extension) && sameKey(ph.server_ip, serverIp));
}

/** Phone changes make the server rebuild its Asterisk conf files. */
function markConfRebuild(state: SimulatorState, serverIp: string): void {
  for (const server of state.servers) {
    if (sameKey(server.server_ip, serverIp) && server.generate_vicidial_conf === "Y" && server.active_asterisk_server === "Y") {
      server.rebuild_conf_files = "Y";
    }
  }
}

export function addPhone(ctx: FunctionContext): string {
  const fn = "add_phone";
  const { p, state, user } = ctx;
  const requiredPresent =
    strlen(p.extension) >= 2 &&
    strlen(p.dialplan_number) >= 2 &&
    strlen(p.voicemail_id) >= 1 &&
    strlen(p.phone_login) >= 1 &&
    strlen(p.phone_pass) >= 1 &&
    strlen(p.server_ip) >= 1 &&
    PROTOCOLS.includes(p.protocol) &&
    strlen(p.registration_password) >= 1 &&
    strlen(p.phone_full_name) >= 1 &&
    strlen(p.local_gmt) >= 1 &&
    strlen(p.outbound_cid) >= 1;
  if (!requiredPresent) {
    return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.extension, p.dialplan_number, p.voicemail_id,
      p.phone_login, p.phone_pass, p.server_ip, p.protocol, p.registration_password, p.phone_full_name, p.local_gmt,
      p.outbound_cid);
  }
  if (!serverExists(state, p.server_ip)) return errorLine(fn, "SERVER DOES NOT EXIST", user, p.server_ip);
  if (findPhone(state, p.extension, p.server_ip)) {
    return errorLine(fn, "PHONE ALREADY EXISTS ON THIS SERVER", user, p.server_ip, p.extension);
  }
  if (state.phones.some((ph) => sameKey(ph.login, p.phone_login))) {
    return errorLine(fn, "PHONE LOGIN ALREADY EXISTS", user, p.phone_login);
  }
  if (!validTimezone(p.local_gmt)) return errorLine(fn, "YOU MUST USE A VALID TIMEZONE", user, p.local_gmt);
  const template = templateChoice(state, p.template_id);
  if (template === "missing") {
    return errorLine(fn, "TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD", user, p.phone_login, p.template_id);
  }

  const phone: Phone = {
    ...phoneWithDefaults(p.extension, p.server_ip),
    ...fitPhoneColumns({
      dialplan_number: p.dialplan_number,
      voicemail_id: p.voicemail_id,
      login: p.phone_login,
      pass: p.phone_pass,
      protocol: p.protocol,
      conf_secret: p.registration_password,
      fullname: p.phone_full_name,
      local_gmt: p.local_gmt,
      outbound_cid: p.outbound_cid,
      phone_context: p.phone_context === "" ? "default" : p.phone_context,
      user_group: p.admin_user_group === "" ? "---ALL---" : p.admin_user_group,
      email: p.email,
      extension: p.extension,
      server_ip: p.server_ip,
      template_id: template.value,
    }),
    ...phoneFlags(ctx),
    active: "Y",
    status: "ACTIVE",
  };
  if (breaksSql(phone)) throw new PhpFatalError("add_phone: SQL syntax error near the email's quote");
  // The unique index is on (extension, server_ip) after truncation.
  if (findPhone(state, phone.extension, phone.server_ip)) throw new DuplicateKeyError("phones", phone.extension);
  state.phones.push(phone);
  writeAdminLog(ctx, "PHONES", "ADD", p.extension, "ADMIN API ADD PHONE");
  markConfRebuild(state, p.server_ip);
  return successLine(fn, "PHONE HAS BEEN ADDED", user, p.extension, p.server_ip, p.protocol, p.dialplan_number);
}

interface PhoneFieldRule {
  param: SanitizedName;
  reason: string;
  /** The columns to set, or null when the value is refused. */
  accept(value: string, ctx: FunctionContext): Partial<Phone> | null;
  /** What the error line echoes; the ring-timeout bug echoes outbound_alt_cid (2.3). */
  echo?(ctx: FunctionContext): string[];
}

/** `--BLANK--` clears the column; otherwise the length must fit. */
function blankableText(column: keyof Phone, min: number, max: number) {
  return (value: string): Partial<Phone> | null => {
    if (value === "--BLANK--") return { [column]: "" };
    return lengthBetween(value, min, max) ? { [column]: value } : null;
  };
}

function text(column: keyof Phone, min: number, max: number) {
  return (value: string): Partial<Phone> | null => (lengthBetween(value, min, max) ? { [column]: value } : null);
}

function yesNo(column: keyof Phone) {
  return (value: string): Partial<Phone> | null => (value === "Y" || value === "N" ? { [column]: value } : null);
}

/** 2.3 step 5: validated in this order, only when non-empty; the first failure ends the request. */
const UPDATE_PHONE_RULES: PhoneFieldRule[] = [
  { param: "local_gmt", reason: "YOU MUST USE A VALID TIMEZONE", accept: (v) => (validTimezone(v) ? { local_gmt: v } : null) },
  { param: "email", reason: "YOU MUST USE A VALID EMAIL", accept: blankableText("email", 5, 300) },
  { param: "phone_context", reason: "YOU MUST USE A VALID PHONE CONTEXT", accept: blankableText("phone_context", 2, 30) },
  { param: "phone_full_name", reason: "YOU MUST USE A VALID PHONE NAME", accept: blankableText("fullname", 2, 30) },
  {
    param: "registration_password",
    reason: "YOU MUST USE A VALID REGISTRATION PASSWORD",
    accept: blankableText("conf_secret", 2, 30),
  },
  { param: "protocol", reason: "YOU MUST USE A VALID PROTOCOL", accept: (v) => (PROTOCOLS.includes(v) ? { protocol: v } : null) },
  { param: "phone_pass", reason: "YOU MUST USE A VALID PHONE PASSWORD", accept: text("pass", 2, 30) },
  {
    param: "phone_login",
    reason: "LOGIN ALREADY EXISTS",
    // The code's uniqueness test only rejects a login used by a phone that differs in both
    // extension and server_ip.
    accept: (v, { state, p }) =>
      state.phones.some(
        (ph) => sameKey(ph.login, v) && !sameKey(ph.extension, p.extension) && !sameKey(ph.server_ip, p.server_ip),
      )
        ? null
        : { login: v },
  },
  // `--BLANK--` was already sanitized to `BLANK`, a valid 5-character voicemail id.
  { param: "voicemail_id", reason: "YOU MUST USE A VALID VOICEMAIL NUMBER", accept: text("voicemail_id", 2, 30) },
  { param: "dialplan_number", reason: "YOU MUST USE A VALID DIALPLAN NUMBER", accept: text("dialplan_number", 3, 30) },
  { param: "active", reason: "ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD", accept: yesNo("active") },
  {
    param: "outbound_cid",
    reason: "OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD",
    accept: text("outbound_cid", 6, 18),
  },
  {
    param: "admin_user_group",
    reason: "USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD",
    accept: text("user_group", 2, 20),
  },
  {
    param: "outbound_alt_cid",
    reason: "OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD",
    accept: text("outbound_alt_cid", 6, 18),
  },
  {
    param: "phone_ring_timeout",
    reason: "PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD",
    accept: (v) => {
      const seconds = Number(v);
      return seconds >= 2 && seconds <= 180 ? { phone_ring_timeout: seconds } : null;
    },
    echo: ({ p }) => [p.outbound_alt_cid],
  },
  {
    param: "delete_vm_after_email",
    reason: "DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD",
    accept: yesNo("delete_vm_after_email"),
  },
  ...PHONE_FLAG_FIELDS.map(
    (field): PhoneFieldRule => ({
      param: field.param,
      reason: "",
      accept: (v) => {
        const choice = enumChoice(v, field.allowed);
        return choice === undefined ? {} : { [field.column]: choice };
      },
    }),
  ),
  {
    param: "template_id",
    reason: "TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD",
    accept: (v, { state }) => {
      const template = templateChoice(state, v);
      if (template === "missing") return null;
      return template.use ? { template_id: template.value } : {};
    },
    echo: ({ p }) => [p.phone_login, p.template_id],
  },
];

export function updatePhone(ctx: FunctionContext): string {
  const fn = "update_phone";
  const { p, state, user } = ctx;
  if (strlen(p.extension) < 2 || strlen(p.server_ip) < 1) {
    return errorLine(fn, "YOU MUST USE ALL REQUIRED FIELDS", user, p.extension, p.server_ip);
  }
  if (!serverExists(state, p.server_ip)) return errorLine(fn, "SERVER DOES NOT EXIST", user, p.server_ip);
  const visible = phoneVisibility(state, ctx.apiUser);
  const phone = state.phones.find(
    (ph) => sameKey(ph.extension, p.extension) && sameKey(ph.server_ip, p.server_ip) && visible(ph.user_group),
  );
  if (!phone) return errorLine(fn, "PHONE DOES NOT EXIST ON THIS SERVER", user, p.server_ip, p.extension);

  if (p.delete_phone === "Y") {
    if (!may.deletePhones(ctx.apiUser)) {
      return noticeLine(fn, "USER DOES NOT HAVE PERMISSION TO DELETE PHONES", user, "0");
    }
    deleteRows(state.phones, (ph) => sameKey(ph.extension, p.extension) && sameKey(ph.server_ip, p.server_ip));
    writeAdminLog(ctx, "PHONES", "DELETE", p.extension, "ADMIN API DELETE PHONE");
    markConfRebuild(state, p.server_ip);
    return successLine(fn, "PHONE HAS BEEN DELETED", user, p.extension, p.server_ip, "");
  }

  const changes: Partial<Phone> = {};
  for (const rule of UPDATE_PHONE_RULES) {
    const value = p[rule.param];
    if (value === "") continue;
    const accepted = rule.accept(value, ctx);
    if (accepted === null) return errorLine(fn, rule.reason, user, ...(rule.echo?.(ctx) ?? [value]));
    Object.assign(changes, accepted);
  }
  if (breaksSql(changes)) throw new PhpFatalError("update_phone: SQL syntax error near the email's quote");
  // The SET fragment is never short enough to count as "no updates": every request updates,
  // and every update blanks install_directory (2.3).
  Object.assign(phone, fitPhoneColumns(changes), { install_directory: "" });
  writeAdminLog(ctx, "PHONES", "MODIFY", p.extension, "ADMIN API UPDATE PHONE");
  markConfRebuild(state, p.server_ip);
  return successLine(fn, "PHONE HAS BEEN UPDATED", user, p.extension, p.server_ip, "");
}
