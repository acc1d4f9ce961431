CREATE TABLE `creator_blocked_countries` (
	`creator_id` text NOT NULL,
	`country` text NOT NULL,
	PRIMARY KEY(`creator_id`, `country`),
	FOREIGN KEY (`creator_id`) REFERENCES `creator_profiles`(`user_id`) ON UPDATE no action ON DELETE cascade
);
