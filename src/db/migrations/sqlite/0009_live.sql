CREATE TABLE `live_tickets` (
	`user_id` text NOT NULL,
	`stream_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `stream_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stream_id`) REFERENCES `live_streams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `live_chat` (
	`id` text PRIMARY KEY NOT NULL,
	`stream_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`amount_cents` integer,
	`currency` text,
	`txn_id` text,
	`hidden_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`stream_id`) REFERENCES `live_streams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_chat_stream_idx` ON `live_chat` (`stream_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `live_chat_txn_idx` ON `live_chat` (`txn_id`);--> statement-breakpoint
CREATE TABLE `live_keys` (
	`creator_id` text PRIMARY KEY NOT NULL,
	`key_hash` text NOT NULL,
	`key_sealed` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_keys_hash_idx` ON `live_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `live_moderation` (
	`stream_id` text NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`by_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`stream_id`, `user_id`),
	FOREIGN KEY (`stream_id`) REFERENCES `live_streams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `live_streams` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`title` text NOT NULL,
	`access` text NOT NULL,
	`price_cents` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`record` integer NOT NULL,
	`status` text NOT NULL,
	`scheduled_at` integer,
	`started_at` integer,
	`ended_at` integer,
	`heartbeat_at` integer,
	`published_at` integer,
	`ended_by` text,
	`ingest_node` text,
	`peak_viewers` integer DEFAULT 0 NOT NULL,
	`recording` text DEFAULT 'none' NOT NULL,
	`recording_post_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_streams_creator_idx` ON `live_streams` (`creator_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `live_streams_one_live_idx` ON `live_streams` (`creator_id`) WHERE status = 'live';--> statement-breakpoint
CREATE INDEX `live_streams_status_idx` ON `live_streams` (`status`,`heartbeat_at`);--> statement-breakpoint
CREATE TABLE `live_viewers` (
	`stream_id` text NOT NULL,
	`node_id` text NOT NULL,
	`viewers` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`stream_id`, `node_id`),
	FOREIGN KEY (`stream_id`) REFERENCES `live_streams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `ledger_transactions` ADD `live_stream_id` text;