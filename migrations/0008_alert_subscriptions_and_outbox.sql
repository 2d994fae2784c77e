CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`alert_id` integer,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`summary_id` integer,
	`payload` text,
	`period_from` integer,
	`period_to` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`locked_until` integer,
	`locked_by` integer,
	`last_error` text,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_alert_subscription` ON `deliveries` (`alert_id`,`subscription_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_idempotency_key` ON `deliveries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `deliveries_due` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_subscription_created` ON `deliveries` (`subscription_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`outcome` text,
	`http_status` integer,
	`error` text,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delivery_attempts_delivery_attempt` ON `delivery_attempts` (`delivery_id`,`attempt`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_key_id` integer NOT NULL,
	`owner_name` text NOT NULL,
	`name` text NOT NULL,
	`brand` text,
	`topics` text NOT NULL,
	`sources` text NOT NULL,
	`languages` text NOT NULL,
	`kinds` text NOT NULL,
	`threshold` text,
	`sensitivity` text NOT NULL,
	`min_volume` integer NOT NULL,
	`cooldown_minutes` integer NOT NULL,
	`max_per_hour` integer,
	`channel` text NOT NULL,
	`target` text NOT NULL,
	`secret` text,
	`mode` text NOT NULL,
	`schedule` text,
	`tz` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
DROP INDEX `alerts_identity`;--> statement-breakpoint
ALTER TABLE `alerts` ADD `rule` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_identity` ON `alerts` (`kind`,`brand`,`topic`,`source_id`,`bucket_start`,`sensitivity`,`rule`);