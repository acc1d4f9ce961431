-- Full-text index of post text: a generated tsvector ('simple': no stemming, so every language works
-- alike) with a GIN index. Generated, so no write path can forget it.
ALTER TABLE "posts" ADD COLUMN "search_doc" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "text")) STORED;
--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ("search_doc");
