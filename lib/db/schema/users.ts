import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const ROLES = ["admin", "supervisor", "provisioning", "qa"] as const;
export type Role = (typeof ROLES)[number];

/** Where an account comes from: made here (a password kept here) or by the identity provider. */
export const USER_ORIGINS = ["local", "oidc"] as const;
export type UserOrigin = (typeof USER_ORIGINS)[number];

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role").$type<Role>().notNull(),
    passwordHash: text("password_hash").notNull(),
    disabled: boolean("disabled").notNull().default(false),
    /** Set for one-time passwords: the user must choose their own at next sign-in. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Bumped on disable, role change or password reset; a JWT carrying an older value is dead. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    origin: text("origin").$type<UserOrigin>().notNull().default("local"),
    /** Provider users: `issuer|subject`, the identity that stays when a name or email changes. */
    externalId: text("external_id").unique(),
  },
  (t) => [
    check("users_role_check", sql`${t.role} in ('admin', 'supervisor', 'provisioning', 'qa')`),
    check("users_origin_check", sql`(${t.origin} = 'local' and ${t.externalId} is null) or (${t.origin} = 'oidc' and ${t.externalId} is not null)`),
  ],
);

/** Every sign-in attempt; throttling counts recent failures per username (shared by all instances). */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    success: boolean("success").notNull(),
    ip: text("ip"),
  },
  (t) => [index("sign_in_attempts_username_at_idx").on(t.username, t.at)],
);
