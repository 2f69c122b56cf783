DROP INDEX "dids_updated_at_idx";--> statement-breakpoint
DROP INDEX "dids_description_idx";--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "target" text GENERATED ALWAYS AS (case route when 'EXTEN' then extension when 'VOICEMAIL' then voicemail_ext when 'VMAIL_NO_INST' then voicemail_ext when 'PHONE' then phone_extension when 'IN_GROUP' then group_id when 'CALLMENU' then menu_id end) STORED;--> statement-breakpoint
ALTER TABLE "dids" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(did_pattern || ' ' || coalesce(description, ''))) STORED;--> statement-breakpoint
CREATE INDEX "dids_target_idx" ON "dids" USING btree ("target","did_pattern");--> statement-breakpoint
CREATE INDEX "dids_active_idx" ON "dids" USING btree ("active","did_pattern");--> statement-breakpoint
CREATE INDEX "dids_record_call_idx" ON "dids" USING btree ("record_call","did_pattern");--> statement-breakpoint
CREATE INDEX "dids_updated_by_idx" ON "dids" USING btree ("updated_by","did_pattern");--> statement-breakpoint
CREATE INDEX "dids_updated_at_idx" ON "dids" USING btree ("updated_at","did_pattern");--> statement-breakpoint
CREATE INDEX "dids_description_idx" ON "dids" USING btree ("description","did_pattern");