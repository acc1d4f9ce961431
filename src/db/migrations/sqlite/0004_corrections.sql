CREATE TABLE `payout_methods` (
	`creator_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`details_enc` text NOT NULL,
	`masked` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `creator_profiles` ADD `avatar_media_id` text;--> statement-breakpoint
ALTER TABLE `creator_profiles` ADD `banner_media_id` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `destination` text;--> statement-breakpoint
ALTER TABLE `payouts` ADD `reference` text;--> statement-breakpoint
ALTER TABLE `media` ADD `purpose` text DEFAULT 'post' NOT NULL;--> statement-breakpoint
CREATE INDEX `ledger_txn_related_idx` ON `ledger_transactions` (`related_txn_id`);