DROP INDEX "phones_login_idx";--> statement-breakpoint
DROP INDEX "phones_protocol_idx";--> statement-breakpoint
CREATE INDEX "phone_aliases_alias_name_idx" ON "phone_aliases" USING btree ("alias_name","alias_id");--> statement-breakpoint
CREATE INDEX "phone_aliases_phone_logins_idx" ON "phone_aliases" USING btree ("phone_logins","alias_id");--> statement-breakpoint
CREATE INDEX "phone_aliases_updated_at_idx" ON "phone_aliases" USING btree ("updated_at","alias_id");--> statement-breakpoint
CREATE INDEX "phones_extension_idx" ON "phones" USING btree ("extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_full_name_idx" ON "phones" USING btree (("full_name" is null),coalesce("full_name", ''),"extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_voicemail_id_idx" ON "phones" USING btree (("voicemail_id" is null),coalesce("voicemail_id", ''),"extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_outbound_cid_idx" ON "phones" USING btree (("outbound_cid" is null),coalesce("outbound_cid", ''),"extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_active_idx" ON "phones" USING btree (("active" is null),coalesce("active", ''),"extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_updated_at_idx" ON "phones" USING btree ("updated_at","extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_login_idx" ON "phones" USING btree ("login","extension","server_ip");--> statement-breakpoint
CREATE INDEX "phones_protocol_idx" ON "phones" USING btree ("protocol","extension","server_ip");