CREATE TABLE `account_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`email` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_tokens_user_idx` ON `account_tokens` (`user_id`,`purpose`);--> statement-breakpoint
CREATE INDEX `account_tokens_expires_idx` ON `account_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `passkeys` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`credential_id` text NOT NULL,
	`public_key` text NOT NULL,
	`counter` integer NOT NULL,
	`transports` text NOT NULL,
	`name` text NOT NULL,
	`device_type` text NOT NULL,
	`backed_up` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passkeys_credential_idx` ON `passkeys` (`credential_id`);--> statement-breakpoint
CREATE INDEX `passkeys_user_idx` ON `passkeys` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_codes_user_hash_idx` ON `recovery_codes` (`user_id`,`code_hash`);--> statement-breakpoint
CREATE TABLE `totp_credentials` (
	`user_id` text PRIMARY KEY NOT NULL,
	`secret_sealed` text,
	`pending_sealed` text,
	`pending_at` integer,
	`enabled_at` integer,
	`last_step` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `webauthn_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`purpose` text NOT NULL,
	`challenge` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webauthn_challenges_expires_idx` ON `webauthn_challenges` (`expires_at`);--> statement-breakpoint
CREATE TABLE `creator_blocked_countries` (
	`creator_id` text NOT NULL,
	`country` text NOT NULL,
	PRIMARY KEY(`creator_id`, `country`),
	FOREIGN KEY (`creator_id`) REFERENCES `creator_profiles`(`user_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `data_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`job_id` text,
	`file_key` text,
	`size_bytes` integer,
	`error` text,
	`created_at` integer NOT NULL,
	`ready_at` integer,
	`expires_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `data_exports_user_idx` ON `data_exports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `data_exports_expiry_idx` ON `data_exports` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `compliance_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`file_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `compliance_documents_owner_idx` ON `compliance_documents` (`owner_id`);--> statement-breakpoint
CREATE TABLE `dmca_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`claimant` text NOT NULL,
	`work` text NOT NULL,
	`urls` text NOT NULL,
	`signature` text NOT NULL,
	`ip` text,
	`targets` text,
	`decider_id` text,
	`decided_at` integer,
	`reject_reason` text,
	`restored_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`decider_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dmca_status_idx` ON `dmca_notices` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `dmca_strikes` (
	`id` text PRIMARY KEY NOT NULL,
	`notice_id` text NOT NULL,
	`user_id` text NOT NULL,
	`counter` text,
	`countered_at` integer,
	`withdrawn_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`notice_id`) REFERENCES `dmca_notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dmca_strikes_notice_user_idx` ON `dmca_strikes` (`notice_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `dmca_strikes_user_idx` ON `dmca_strikes` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `kyc_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`identity` text NOT NULL,
	`id_document_id` text NOT NULL,
	`selfie_id` text NOT NULL,
	`rejection_reason` text,
	`reviewer_id` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	`retain_until` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`id_document_id`) REFERENCES `compliance_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`selfie_id`) REFERENCES `compliance_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kyc_user_idx` ON `kyc_submissions` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `kyc_status_idx` ON `kyc_submissions` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `kyc_one_pending_idx` ON `kyc_submissions` (`user_id`) WHERE "kyc_submissions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `kyc_retain_idx` ON `kyc_submissions` (`retain_until`) WHERE "kyc_submissions"."retain_until" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `post_performers` (
	`id` text PRIMARY KEY NOT NULL,
	`post_id` text NOT NULL,
	`kind` text NOT NULL,
	`performer_id` text,
	`release_id` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`performer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_id`) REFERENCES `releases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `post_performers_user_idx` ON `post_performers` (`post_id`,`performer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `post_performers_release_idx` ON `post_performers` (`post_id`,`release_id`);--> statement-breakpoint
CREATE INDEX `post_performers_requests_idx` ON `post_performers` (`performer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `post_performers_by_release_idx` ON `post_performers` (`release_id`);--> statement-breakpoint
CREATE TABLE `post_records` (
	`post_id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`pending_publish` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `post_records_creator_idx` ON `post_records` (`creator_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` text PRIMARY KEY NOT NULL,
	`creator_id` text NOT NULL,
	`identity` text NOT NULL,
	`id_document_id` text NOT NULL,
	`release_document_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`retain_until` integer,
	FOREIGN KEY (`creator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`id_document_id`) REFERENCES `compliance_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`release_document_id`) REFERENCES `compliance_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `releases_creator_idx` ON `releases` (`creator_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `releases_retain_idx` ON `releases` (`retain_until`) WHERE "releases"."retain_until" IS NOT NULL;--> statement-breakpoint
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
ALTER TABLE `users` ADD `two_factor_enabled_at` integer;--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `ip` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `country` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `creator_profiles` ADD `verified_at` integer;