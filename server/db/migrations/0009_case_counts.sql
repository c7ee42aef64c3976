CREATE TABLE "case_count_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"status" text NOT NULL,
	"change" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_counts" (
	"organization_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "case_counts_organization_id_site_id_status_pk" PRIMARY KEY("organization_id","site_id","status")
);
--> statement-breakpoint
CREATE INDEX "case_count_changes_organization_idx" ON "case_count_changes" USING btree ("organization_id");--> statement-breakpoint
-- Kept by the database, whatever writes a case: a statement's inserted or deleted cases as one row
-- per site and status, a case moved to another status, site or organization as a −1 and a +1, and
-- a truncated table as no counts at all.
CREATE FUNCTION "case_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "case_count_changes" ("organization_id", "site_id", "status", "change")
  SELECT "organization_id", "site_id", "status", count(*)::int FROM "inserted_cases" GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "case_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "case_count_changes" ("organization_id", "site_id", "status", "change")
  SELECT "organization_id", "site_id", "status", -count(*)::int FROM "deleted_cases" GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "case_counts_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "case_count_changes" ("organization_id", "site_id", "status", "change")
  VALUES (OLD."organization_id", OLD."site_id", OLD."status", -1), (NEW."organization_id", NEW."site_id", NEW."status", 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "case_counts_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "case_count_changes";
  DELETE FROM "case_counts";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cases_counts_truncate" AFTER TRUNCATE ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION "case_counts_truncated"();
--> statement-breakpoint
CREATE TRIGGER "cases_counts_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS "inserted_cases" FOR EACH STATEMENT EXECUTE FUNCTION "case_counts_inserted"();
--> statement-breakpoint
CREATE TRIGGER "cases_counts_delete" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS "deleted_cases" FOR EACH STATEMENT EXECUTE FUNCTION "case_counts_deleted"();
--> statement-breakpoint
CREATE TRIGGER "cases_counts_update" AFTER UPDATE OF "organization_id", "site_id", "status" ON "cases" FOR EACH ROW
  WHEN (OLD."organization_id" IS DISTINCT FROM NEW."organization_id" OR OLD."site_id" IS DISTINCT FROM NEW."site_id" OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "case_counts_moved"();
--> statement-breakpoint
-- The cases already there.
INSERT INTO "case_counts" ("organization_id", "site_id", "status", "n")
SELECT "organization_id", "site_id", "status", count(*)::int FROM "cases" GROUP BY 1, 2, 3;
