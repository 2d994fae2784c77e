CREATE TABLE `brands` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`competitor` integer DEFAULT false NOT NULL,
	`query` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mention_brands` (
	`mention_id` integer NOT NULL,
	`brand_id` text NOT NULL,
	PRIMARY KEY(`mention_id`, `brand_id`),
	FOREIGN KEY (`mention_id`) REFERENCES `mentions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mention_brands_brand` ON `mention_brands` (`brand_id`,`mention_id`);--> statement-breakpoint
CREATE TABLE `mention_topics` (
	`mention_id` integer NOT NULL,
	`topic_id` text NOT NULL,
	`sentiment_score` real,
	`sentiment_label` text,
	`terms` text NOT NULL,
	PRIMARY KEY(`mention_id`, `topic_id`),
	FOREIGN KEY (`mention_id`) REFERENCES `mentions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mention_topics_topic` ON `mention_topics` (`topic_id`,`mention_id`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`url` text,
	`author` text,
	`title` text,
	`text` text NOT NULL,
	`lang` text NOT NULL,
	`published_at` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	`rating` real,
	`nps` integer,
	`csat` integer,
	`ces` integer,
	`content_hash` text NOT NULL,
	`duplicate_of` integer,
	`sentiment_score` real,
	`sentiment_label` text,
	`sentiment_note` text,
	`sentences` text,
	`metadata` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentions_source_external` ON `mentions` (`source_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `mentions_published` ON `mentions` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `mentions_content_hash` ON `mentions` (`content_hash`);--> statement-breakpoint
CREATE TABLE `rollups` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`bucket` integer NOT NULL,
	`source_id` integer NOT NULL,
	`lang` text NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`originals` integer DEFAULT 0 NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`neutral` integer DEFAULT 0 NOT NULL,
	`negative` integer DEFAULT 0 NOT NULL,
	`sentiment_sum` real DEFAULT 0 NOT NULL,
	`sentiment_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `bucket`, `source_id`, `lang`)
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`status` text NOT NULL,
	`fetched` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text,
	`pid` integer,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_source_started` ON `runs` (`source_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	`schedule` text,
	`enabled` integer DEFAULT true NOT NULL,
	`cursor` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_name_unique` ON `sources` (`name`);--> statement-breakpoint
CREATE TABLE `topics` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`terms` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
