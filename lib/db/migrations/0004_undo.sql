ALTER TABLE "jobs" DROP CONSTRAINT "jobs_kind_check";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "undo_of" bigint;--> statement-breakpoint
CREATE INDEX "audit_log_undo_of_idx" ON "audit_log" USING btree ("undo_of");--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_kind_check" CHECK ("jobs"."kind" in ('dids', 'did-copy', 'cid', 'agents', 'undo'));