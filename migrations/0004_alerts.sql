CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`source_id` integer DEFAULT 0 NOT NULL,
	`bucket_start` integer NOT NULL,
	`bucket_end` integer NOT NULL,
	`observed` real NOT NULL,
	`expected` real NOT NULL,
	`score` real NOT NULL,
	`sensitivity` text NOT NULL,
	`explanation` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_identity` ON `alerts` (`kind`,`brand`,`topic`,`source_id`,`bucket_start`,`sensitivity`);--> statement-breakpoint
CREATE INDEX `alerts_bucket` ON `alerts` (`bucket_start`,`id`);--> statement-breakpoint
CREATE INDEX `alerts_status_bucket` ON `alerts` (`status`,`bucket_start`);