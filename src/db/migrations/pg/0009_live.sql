CREATE TABLE "live_chat" (
	"id" text PRIMARY KEY NOT NULL,
	"stream_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"amount_cents" bigint,
	"currency" text,
	"txn_id" text,
	"hidden_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_keys" (
	"creator_id" text PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"key_sealed" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_moderation" (
	"stream_id" text NOT NULL,
	"user_id" text NOT NULL,
	"action" text NOT NULL,
	"by_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "live_moderation_stream_id_user_id_pk" PRIMARY KEY("stream_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "live_streams" (
	"id" text PRIMARY KEY NOT NULL,
	"creator_id" text NOT NULL,
	"title" text NOT NULL,
	"access" text NOT NULL,
	"price_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"record" bigint NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" bigint,
	"started_at" bigint,
	"ended_at" bigint,
	"heartbeat_at" bigint,
	"published_at" bigint,
	"ended_by" text,
	"ingest_node" text,
	"peak_viewers" bigint DEFAULT 0 NOT NULL,
	"recording" text DEFAULT 'none' NOT NULL,
	"recording_post_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_tickets" (
	"user_id" text NOT NULL,
	"stream_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "live_tickets_user_id_stream_id_pk" PRIMARY KEY("user_id","stream_id")
);
--> statement-breakpoint
CREATE TABLE "live_viewers" (
	"stream_id" text NOT NULL,
	"node_id" text NOT NULL,
	"viewers" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "live_viewers_stream_id_node_id_pk" PRIMARY KEY("stream_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "live_stream_id" text;--> statement-breakpoint
ALTER TABLE "live_chat" ADD CONSTRAINT "live_chat_stream_id_live_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."live_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_chat" ADD CONSTRAINT "live_chat_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_keys" ADD CONSTRAINT "live_keys_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_moderation" ADD CONSTRAINT "live_moderation_stream_id_live_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."live_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_moderation" ADD CONSTRAINT "live_moderation_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_streams" ADD CONSTRAINT "live_streams_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tickets" ADD CONSTRAINT "live_tickets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_tickets" ADD CONSTRAINT "live_tickets_stream_id_live_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."live_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_viewers" ADD CONSTRAINT "live_viewers_stream_id_live_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."live_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_chat_stream_idx" ON "live_chat" USING btree ("stream_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_chat_txn_idx" ON "live_chat" USING btree ("txn_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_keys_hash_idx" ON "live_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "live_streams_creator_idx" ON "live_streams" USING btree ("creator_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_streams_one_live_idx" ON "live_streams" USING btree ("creator_id") WHERE status = 'live';--> statement-breakpoint
CREATE INDEX "live_streams_status_idx" ON "live_streams" USING btree ("status","heartbeat_at");