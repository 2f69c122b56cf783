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
ALTER TABLE "call_flags" ADD CONSTRAINT "call_flags_flagged_by_users_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_flags_created_idx" ON "call_flags" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "call_flags_call_idx" ON "call_flags" USING btree ("direction","call_key");--> statement-breakpoint
CREATE INDEX "call_flags_state_idx" ON "call_flags" USING btree ("state","created_at");