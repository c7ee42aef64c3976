DROP INDEX "search_entries_kind_source_key";--> statement-breakpoint
CREATE UNIQUE INDEX "search_entries_source_kind_key" ON "search_entries" USING btree ("source_id","kind");