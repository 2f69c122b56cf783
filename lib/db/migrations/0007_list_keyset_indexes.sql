-- Hand-written: the search index needs pg_trgm (PostgreSQL contrib; PGlite loads it in lib/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "dids_route_idx";--> statement-breakpoint
DROP INDEX "dids_description_idx";--> statement-breakpoint
DROP INDEX "dids_target_idx";--> statement-breakpoint
DROP INDEX "dids_active_idx";--> statement-breakpoint
DROP INDEX "dids_record_call_idx";--> statement-breakpoint
CREATE INDEX "dids_search_text_trgm_idx" ON "dids" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "job_rows_page_idx" ON "job_rows" USING btree ("job_id","phase","seq");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dids_route_idx" ON "dids" USING btree (("route" is null),coalesce("route", ''),"did_pattern");--> statement-breakpoint
CREATE INDEX "dids_description_idx" ON "dids" USING btree (("description" is null),coalesce("description", ''),"did_pattern");--> statement-breakpoint
CREATE INDEX "dids_target_idx" ON "dids" USING btree (("target" is null),coalesce("target", ''),"did_pattern");--> statement-breakpoint
CREATE INDEX "dids_active_idx" ON "dids" USING btree (("active" is null),coalesce("active", ''),"did_pattern");--> statement-breakpoint
CREATE INDEX "dids_record_call_idx" ON "dids" USING btree (("record_call" is null),coalesce("record_call", ''),"did_pattern");