CREATE TABLE "article_views" (
	"article_id" uuid NOT NULL,
	"viewer" text NOT NULL,
	"viewed_on" date NOT NULL,
	CONSTRAINT "article_views_article_id_viewer_viewed_on_pk" PRIMARY KEY("article_id","viewer","viewed_on")
);
--> statement-breakpoint
ALTER TABLE "article_views" ADD CONSTRAINT "article_views_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_views_viewed_on_idx" ON "article_views" USING btree ("viewed_on");