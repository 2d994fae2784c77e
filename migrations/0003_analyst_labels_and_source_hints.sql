CREATE TABLE `labels` (
	`mention_id` integer PRIMARY KEY NOT NULL,
	`sentiment` text,
	`topics` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`mention_id`) REFERENCES `mentions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `mentions` ADD `lang_hint` text;--> statement-breakpoint
ALTER TABLE `mentions` ADD `brand_hint` text;