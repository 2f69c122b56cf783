CREATE TABLE "job_rows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"phase" integer DEFAULT 0 NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"label" text NOT NULL,
	"input" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"uncertain" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"message" text,
	"raw" text,
	CONSTRAINT "job_rows_state_check" CHECK ("job_rows"."state" in ('pending', 'running', 'done', 'exists', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "job_runners" (
	"id" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_secrets" (
	"row_id" bigint PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"ciphertext" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"pause_reason" text,
	"owner_id" integer,
	"owner_username" text NOT NULL,
	"owner_role" text NOT NULL,
	"title" text NOT NULL,
	"options" jsonb NOT NULL,
	"total_rows" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"running_since" timestamp with time zone DEFAULT now(),
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sheet" text,
	"sheet_downloaded_at" timestamp with time zone,
	CONSTRAINT "jobs_kind_check" CHECK ("jobs"."kind" in ('dids', 'did-copy', 'cid', 'agents')),
	CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('running', 'paused', 'cancelled', 'completed'))
);
--> statement-breakpoint
ALTER TABLE "job_rows" ADD CONSTRAINT "job_rows_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_secrets" ADD CONSTRAINT "job_secrets_row_id_job_rows_id_fk" FOREIGN KEY ("row_id") REFERENCES "public"."job_rows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_secrets" ADD CONSTRAINT "job_secrets_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_rows_job_seq_idx" ON "job_rows" USING btree ("job_id","seq");--> statement-breakpoint
CREATE INDEX "job_rows_claim_idx" ON "job_rows" USING btree ("job_id","state","phase","seq");--> statement-breakpoint
CREATE INDEX "job_rows_finished_idx" ON "job_rows" USING btree ("job_id","finished_at");--> statement-breakpoint
CREATE INDEX "job_rows_running_idx" ON "job_rows" USING btree ("state","claimed_by");--> statement-breakpoint
CREATE INDEX "job_secrets_job_idx" ON "job_secrets" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_owner_idx" ON "jobs" USING btree ("owner_username","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "jobs_created_at_idx" ON "jobs" USING btree ("created_at" DESC NULLS LAST);