CREATE TABLE `mention_products` (
	`mention_id` integer NOT NULL,
	`product_id` text NOT NULL,
	PRIMARY KEY(`mention_id`, `product_id`),
	FOREIGN KEY (`mention_id`) REFERENCES `mentions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mention_products_product` ON `mention_products` (`product_id`,`mention_id`);--> statement-breakpoint
-- Hand-edited: WITHOUT ROWID (drizzle-kit cannot express it). Rows live in their primary-key
-- B-tree, so each write on the ingest path is one B-tree insert instead of two.
CREATE TABLE `near_duplicate_bands` (
	`band` integer NOT NULL,
	`published_at` integer NOT NULL,
	`mention_id` integer NOT NULL,
	PRIMARY KEY(`band`, `published_at`, `mention_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`brand_id` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
-- Hand-edited: WITHOUT ROWID (drizzle-kit cannot express it). Rows live in their primary-key
-- B-tree, so each write on the ingest path is one B-tree insert instead of two.
CREATE TABLE `term_counts` (
	`brand` text NOT NULL,
	`bucket` integer NOT NULL,
	`term_id` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `bucket`, `term_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `terms` (
	`id` integer PRIMARY KEY NOT NULL,
	`term` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `terms_term_unique` ON `terms` (`term`);--> statement-breakpoint
ALTER TABLE `mentions` ADD `duplicate_kind` text;--> statement-breakpoint
ALTER TABLE `mentions` ADD `terms` text;--> statement-breakpoint
-- Hand-written (drizzle-kit does not express data updates): copies grouped before near-duplicates
-- existed were all exact ones.
UPDATE `mentions` SET `duplicate_kind` = 'exact' WHERE `duplicate_of` IS NOT NULL;
