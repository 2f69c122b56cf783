CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "jobs_kind_check";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "origin" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "undo_of" bigint;--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "idle_entry_count" integer;--> statement-breakpoint
CREATE INDEX "audit_log_undo_of_idx" ON "audit_log" USING btree ("undo_of");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_external_id_unique" UNIQUE("external_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_origin_check" CHECK (("users"."origin" = 'local' and "users"."external_id" is null) or ("users"."origin" = 'oidc' and "users"."external_id" is not null));--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_kind_check" CHECK ("jobs"."kind" in ('dids', 'did-copy', 'cid', 'agents', 'undo'));