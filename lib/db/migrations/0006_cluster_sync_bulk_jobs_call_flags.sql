CREATE TABLE "cluster_references" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"active" text,
	"user_group" text,
	"detail" text,
	"seen_pass" integer,
	CONSTRAINT "cluster_references_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "cluster_sync" (
	"id" text PRIMARY KEY NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"pass" integer DEFAULT 0 NOT NULL,
	"admin_log_cursor" bigint DEFAULT 0 NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"synced_at" timestamp with time zone,
	"last_ok" boolean,
	"last_error" text,
	"last_duration_ms" integer,
	"counts" jsonb,
	"account_can_write" boolean,
	"requested_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"direction" text NOT NULL,
	"call_key" text NOT NULL,
	"call_id" text,
	"call_date" text NOT NULL,
	"call_started_at" timestamp with time zone,
	"phone_number" text DEFAULT '' NOT NULL,
	"agent" text DEFAULT '' NOT NULL,
	"campaign_id" text DEFAULT '' NOT NULL,
	"lead_id" integer,
	"status" text DEFAULT '' NOT NULL,
	"length_in_sec" integer,
	"reason" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"flagged_by" integer,
	"flagged_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_by_name" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "jobs_kind_check";--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "group_type" text;--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "user_group" text;--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "origin" text DEFAULT 'dashboard' NOT NULL;--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "settings_known" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "cid_groups" ADD COLUMN "seen_pass" integer;--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "agent_user" text;--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "user_group" text;--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "origin" text DEFAULT 'dashboard' NOT NULL;--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "settings_known" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "seen_pass" integer;--> statement-breakpoint
ALTER TABLE "phone_aliases" ADD COLUMN "user_group" text;--> statement-breakpoint
ALTER TABLE "phone_aliases" ADD COLUMN "origin" text DEFAULT 'dashboard' NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_aliases" ADD COLUMN "settings_known" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_aliases" ADD COLUMN "seen_pass" integer;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "phone_type" text;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "user_group" text;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "peer_status" text;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "ping_time" integer;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "origin" text DEFAULT 'dashboard' NOT NULL;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "settings_known" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "phones" ADD COLUMN "seen_pass" integer;--> statement-breakpoint
ALTER TABLE "call_flags" ADD CONSTRAINT "call_flags_flagged_by_users_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_references_name_idx" ON "cluster_references" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "call_flags_created_idx" ON "call_flags" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "call_flags_call_idx" ON "call_flags" USING btree ("direction","call_key");--> statement-breakpoint
CREATE INDEX "call_flags_state_idx" ON "call_flags" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "dids_did_id_idx" ON "dids" USING btree ("did_id");--> statement-breakpoint
CREATE INDEX "phones_peer_status_idx" ON "phones" USING btree ("peer_status");--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_kind_check" CHECK ("jobs"."kind" in ('dids', 'did-copy', 'cid', 'agents', 'did-bulk', 'phone-bulk', 'undo'));