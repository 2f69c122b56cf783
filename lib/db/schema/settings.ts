import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Settings an admin changes on the settings page, one row per key (e.g. `oidc.role_map`). An
 * environment variable for the same setting wins over the row.
 */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer("updated_by"),
});
