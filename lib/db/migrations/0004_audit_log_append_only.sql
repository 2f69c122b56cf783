-- Hand-written (drizzle-kit generate --custom), not generated from lib/db/schema: Drizzle's schema
-- cannot express a trigger. Keep this file as it is when migrations are regenerated.
--
-- The audit log is append-only in the database itself, not only by convention in the code: any
-- UPDATE, DELETE or TRUNCATE of audit_log fails, whoever sends it (a bug, a console session, an
-- injected statement). Statement-level, so even an attempt that matches no row is refused.
-- A table owner can still drop or disable the trigger; see README ("Audit log") for running the
-- dashboard under a role that does not own its tables.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
