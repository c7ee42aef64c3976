CREATE TABLE "search_generations" (
	"scope" text PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL
);
--> statement-breakpoint
-- Raises the version of each scope given ('' for what every reader shares, an organization's id for
-- its own), in the scopes' order so that two writers never wait on each other crosswise.
CREATE FUNCTION "search_generations_raise"("scopes" text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "search_generations" ("scope", "generation")
  SELECT "s", 1 FROM unnest("scopes") AS "s" GROUP BY "s" ORDER BY "s"
  ON CONFLICT ("scope") DO UPDATE SET "generation" = "search_generations"."generation" + 1
$$;
--> statement-breakpoint
-- A statement that writes index entries: a case's organization, or the shared scope for the rest.
CREATE FUNCTION "search_entries_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "search_generations_raise"(array(SELECT DISTINCT CASE WHEN "kind" = 'case' THEN coalesce("organization_id"::text, '') ELSE '' END FROM "new_entries"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "search_generations_raise"(array(SELECT DISTINCT CASE WHEN "kind" = 'case' THEN coalesce("organization_id"::text, '') ELSE '' END FROM "old_entries"));
  ELSE
    PERFORM "search_generations_raise"(array(
      SELECT CASE WHEN "kind" = 'case' THEN coalesce("organization_id"::text, '') ELSE '' END FROM "old_entries"
      UNION SELECT CASE WHEN "kind" = 'case' THEN coalesce("organization_id"::text, '') ELSE '' END FROM "new_entries"));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An organization's licensed products decide which documents and releases its members find.
CREATE FUNCTION "search_entitlements_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "search_generations_raise"(array(SELECT DISTINCT "organization_id"::text FROM "new_entitlements"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "search_generations_raise"(array(SELECT DISTINCT "organization_id"::text FROM "old_entitlements"));
  ELSE
    PERFORM "search_generations_raise"(array(SELECT "organization_id"::text FROM "old_entitlements" UNION SELECT "organization_id"::text FROM "new_entitlements"));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Results show product names; a product renamed or removed changes what every reader may be shown.
CREATE FUNCTION "search_shared_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "search_generations_raise"(array['']);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A table emptied at once: every scope's version is raised.
CREATE FUNCTION "search_all_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_generations" SET "generation" = "generation" + 1;
  PERFORM "search_generations_raise"(array['']);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "search_entries_generation_insert" AFTER INSERT ON "search_entries" REFERENCING NEW TABLE AS "new_entries" FOR EACH STATEMENT EXECUTE FUNCTION "search_entries_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_entries_generation_update" AFTER UPDATE ON "search_entries" REFERENCING OLD TABLE AS "old_entries" NEW TABLE AS "new_entries" FOR EACH STATEMENT EXECUTE FUNCTION "search_entries_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_entries_generation_delete" AFTER DELETE ON "search_entries" REFERENCING OLD TABLE AS "old_entries" FOR EACH STATEMENT EXECUTE FUNCTION "search_entries_changed"();
--> statement-breakpoint
CREATE TRIGGER "search_entries_generation_truncate" AFTER TRUNCATE ON "search_entries" FOR EACH STATEMENT EXECUTE FUNCTION "search_all_changed"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_search_generation_insert" AFTER INSERT ON "entitlements" REFERENCING NEW TABLE AS "new_entitlements" FOR EACH STATEMENT EXECUTE FUNCTION "search_entitlements_changed"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_search_generation_update" AFTER UPDATE ON "entitlements" REFERENCING OLD TABLE AS "old_entitlements" NEW TABLE AS "new_entitlements" FOR EACH STATEMENT EXECUTE FUNCTION "search_entitlements_changed"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_search_generation_delete" AFTER DELETE ON "entitlements" REFERENCING OLD TABLE AS "old_entitlements" FOR EACH STATEMENT EXECUTE FUNCTION "search_entitlements_changed"();
--> statement-breakpoint
CREATE TRIGGER "entitlements_search_generation_truncate" AFTER TRUNCATE ON "entitlements" FOR EACH STATEMENT EXECUTE FUNCTION "search_all_changed"();
--> statement-breakpoint
CREATE TRIGGER "products_search_generation" AFTER UPDATE OF "name" OR DELETE OR TRUNCATE ON "products" FOR EACH STATEMENT EXECUTE FUNCTION "search_shared_changed"();
