CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`reporter_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`target_author_id` text NOT NULL,
	`preview` text NOT NULL,
	`link` text,
	`reason` text NOT NULL,
	`details` text NOT NULL,
	`status` text NOT NULL,
	`action` text,
	`note` text,
	`resolved_by` text,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reports_status_created_idx` ON `reports` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `reports_author_idx` ON `reports` (`target_author_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_open_once_idx` ON `reports` (`reporter_id`,`target_type`,`target_id`) WHERE "reports"."status" = 'open';--> statement-breakpoint
ALTER TABLE `creator_profiles` ADD `verified_at` integer;--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`,`id`);