CREATE TABLE "sign_in_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"success" boolean NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'supervisor', 'provisioning', 'qa'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_username" text NOT NULL,
	"actor_role" text,
	"ip" text,
	"user_agent" text,
	"action" text NOT NULL,
	"resource" text NOT NULL,
	"target" text,
	"params" jsonb,
	"before" jsonb,
	"after" jsonb,
	"outcome" text NOT NULL,
	"message" text,
	"raw" text,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "cid_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_count" integer,
	"last_read_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dids" (
	"did_pattern" text PRIMARY KEY NOT NULL,
	"did_id" integer,
	"description" text,
	"active" text,
	"route" text,
	"extension" text,
	"exten_context" text,
	"voicemail_ext" text,
	"phone_extension" text,
	"server_ip" text,
	"group_id" text,
	"menu_id" text,
	"record_call" text,
	"filter_clean_cid_number" text,
	"call_handle_method" text,
	"agent_search_method" text,
	"list_id" text,
	"entry_list_id" text,
	"campaign_id" text,
	"phone_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_aliases" (
	"alias_id" text PRIMARY KEY NOT NULL,
	"alias_name" text NOT NULL,
	"phone_logins" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phones" (
	"server_ip" text NOT NULL,
	"extension" text NOT NULL,
	"login" text NOT NULL,
	"protocol" text NOT NULL,
	"full_name" text,
	"voicemail_id" text,
	"dialplan_number" text,
	"outbound_cid" text,
	"local_gmt" text,
	"phone_context" text,
	"email" text,
	"admin_user_group" text,
	"is_webphone" text,
	"webphone_auto_answer" text,
	"use_external_server_ip" text,
	"template_id" text,
	"on_hook_agent" text,
	"active" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "phones_server_ip_extension_pk" PRIMARY KEY("server_ip","extension")
);
--> statement-breakpoint
CREATE INDEX "sign_in_attempts_username_at_idx" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_resource_target_idx" ON "audit_log" USING btree ("resource","target","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_username","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dids_route_idx" ON "dids" USING btree ("route","did_pattern");--> statement-breakpoint
CREATE INDEX "dids_updated_at_idx" ON "dids" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "dids_description_idx" ON "dids" USING btree ("description");--> statement-breakpoint
CREATE INDEX "phones_login_idx" ON "phones" USING btree ("login");--> statement-breakpoint
CREATE INDEX "phones_protocol_idx" ON "phones" USING btree ("protocol");