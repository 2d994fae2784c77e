-- Hand-edited (drizzle-kit cannot express WITHOUT ROWID): every rollup table is created WITHOUT
-- ROWID, rollups is recreated with its new key order (source before bucket) and rollups_all is
-- recreated unchanged but WITHOUT ROWID; the new language and day tables are then filled from
-- the hour rollups (sums of sums, so they agree exactly with what the writer will add).
CREATE TABLE `__new_rollups` (
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
	`csat_count` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_count` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`ces_sum` real DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`cli_sum` real DEFAULT 0 NOT NULL,
	`cli_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `source_id`, `bucket`, `lang`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_rollups` (brand, topic, bucket, source_id, lang, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count) SELECT brand, topic, bucket, source_id, lang, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count FROM `rollups` ORDER BY brand, topic, source_id, bucket, lang;
--> statement-breakpoint
DROP TABLE `rollups`;
--> statement-breakpoint
ALTER TABLE `__new_rollups` RENAME TO `rollups`;
--> statement-breakpoint
CREATE TABLE `__new_rollups_all` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`bucket` integer NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`originals` integer DEFAULT 0 NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`neutral` integer DEFAULT 0 NOT NULL,
	`negative` integer DEFAULT 0 NOT NULL,
	`sentiment_sum` real DEFAULT 0 NOT NULL,
	`sentiment_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`csat_count` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_count` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`ces_sum` real DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`cli_sum` real DEFAULT 0 NOT NULL,
	`cli_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `bucket`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_rollups_all` (brand, topic, bucket, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count) SELECT brand, topic, bucket, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count FROM `rollups_all` ORDER BY brand, topic, bucket;
--> statement-breakpoint
DROP TABLE `rollups_all`;
--> statement-breakpoint
ALTER TABLE `__new_rollups_all` RENAME TO `rollups_all`;
--> statement-breakpoint
CREATE TABLE `rollups_lang` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`lang` text NOT NULL,
	`bucket` integer NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`originals` integer DEFAULT 0 NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`neutral` integer DEFAULT 0 NOT NULL,
	`negative` integer DEFAULT 0 NOT NULL,
	`sentiment_sum` real DEFAULT 0 NOT NULL,
	`sentiment_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`csat_count` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_count` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`ces_sum` real DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`cli_sum` real DEFAULT 0 NOT NULL,
	`cli_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `lang`, `bucket`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollups_day` (
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
	`csat_count` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_count` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`ces_sum` real DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`cli_sum` real DEFAULT 0 NOT NULL,
	`cli_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `source_id`, `bucket`, `lang`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollups_all_day` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`bucket` integer NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`originals` integer DEFAULT 0 NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`neutral` integer DEFAULT 0 NOT NULL,
	`negative` integer DEFAULT 0 NOT NULL,
	`sentiment_sum` real DEFAULT 0 NOT NULL,
	`sentiment_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`csat_count` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_count` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`ces_sum` real DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`cli_sum` real DEFAULT 0 NOT NULL,
	`cli_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `bucket`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollups_lang_day` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`lang` text NOT NULL,
	`bucket` integer NOT NULL,
	`volume` integer DEFAULT 0 NOT NULL,
	`originals` integer DEFAULT 0 NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`neutral` integer DEFAULT 0 NOT NULL,
	`negative` integer DEFAULT 0 NOT NULL,
	`sentiment_sum` real DEFAULT 0 NOT NULL,
	`sentiment_count` integer DEFAULT 0 NOT NULL,
	`rating_sum` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`csat_count` integer DEFAULT 0 NOT NULL,
	`csat_satisfied` integer DEFAULT 0 NOT NULL,
	`nps_count` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`ces_sum` real DEFAULT 0 NOT NULL,
	`ces_count` integer DEFAULT 0 NOT NULL,
	`cli_sum` real DEFAULT 0 NOT NULL,
	`cli_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `lang`, `bucket`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `rollups_lang` (brand, topic, lang, bucket, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count) SELECT brand, topic, lang, bucket, sum(volume), sum(originals), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(sentiment_count), sum(rating_sum), sum(rating_count), sum(csat_count), sum(csat_satisfied), sum(nps_count), sum(promoters), sum(detractors), sum(ces_sum), sum(ces_count), sum(cli_sum), sum(cli_count) FROM `rollups` GROUP BY brand, topic, lang, bucket;
--> statement-breakpoint
INSERT INTO `rollups_day` (brand, topic, source_id, bucket, lang, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count) SELECT brand, topic, source_id, (bucket / 86400000) * 86400000, lang, sum(volume), sum(originals), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(sentiment_count), sum(rating_sum), sum(rating_count), sum(csat_count), sum(csat_satisfied), sum(nps_count), sum(promoters), sum(detractors), sum(ces_sum), sum(ces_count), sum(cli_sum), sum(cli_count) FROM `rollups` GROUP BY brand, topic, source_id, (bucket / 86400000) * 86400000, lang;
--> statement-breakpoint
INSERT INTO `rollups_all_day` (brand, topic, bucket, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count) SELECT brand, topic, (bucket / 86400000) * 86400000, sum(volume), sum(originals), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(sentiment_count), sum(rating_sum), sum(rating_count), sum(csat_count), sum(csat_satisfied), sum(nps_count), sum(promoters), sum(detractors), sum(ces_sum), sum(ces_count), sum(cli_sum), sum(cli_count) FROM `rollups_all` GROUP BY brand, topic, (bucket / 86400000) * 86400000;
--> statement-breakpoint
INSERT INTO `rollups_lang_day` (brand, topic, lang, bucket, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count) SELECT brand, topic, lang, (bucket / 86400000) * 86400000, sum(volume), sum(originals), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(sentiment_count), sum(rating_sum), sum(rating_count), sum(csat_count), sum(csat_satisfied), sum(nps_count), sum(promoters), sum(detractors), sum(ces_sum), sum(ces_count), sum(cli_sum), sum(cli_count) FROM `rollups_lang` GROUP BY brand, topic, lang, (bucket / 86400000) * 86400000;
