CREATE TABLE `rollups_all` (
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
);
--> statement-breakpoint
ALTER TABLE `rollups` ADD `csat_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `csat_satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `nps_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `promoters` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `detractors` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `ces_sum` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `ces_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `cli_sum` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rollups` ADD `cli_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `mentions_sentiment_published` ON `mentions` (`sentiment_label`,`published_at`);--> statement-breakpoint
CREATE INDEX `mentions_rating_published` ON `mentions` (`rating`,`published_at`);--> statement-breakpoint
-- Old rollup rows lack the survey counts added above: both rollup tables are recounted from the
-- mentions, as src/db/mention-writer.ts (rebuildRollupsSql) counts them.
DELETE FROM rollups;
--> statement-breakpoint
WITH RECURSIVE anc(topic, ancestor) AS (
  SELECT id, id FROM topics
  UNION SELECT anc.topic, t.parent_id FROM anc JOIN topics t ON t.id = anc.ancestor WHERE t.parent_id IS NOT NULL
), mb(mid, brand) AS (
  SELECT id, '*' FROM mentions UNION ALL SELECT mention_id, brand_id FROM mention_brands
), mt(mid, topic) AS (
  SELECT id, '*' FROM mentions
  UNION SELECT mt.mention_id, coalesce(anc.ancestor, mt.topic_id) FROM mention_topics mt LEFT JOIN anc ON anc.topic = mt.topic_id
)
INSERT INTO rollups (brand, topic, bucket, source_id, lang, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count)
SELECT brand, topic, (m.published_at / 3600000) * 3600000, m.source_id, m.lang, sum(1), sum((m.duplicate_of IS NULL)), sum((m.sentiment_label IS 'positive')), sum((m.sentiment_label IS 'neutral')), sum((m.sentiment_label IS 'negative')), sum(coalesce(m.sentiment_score, 0)), sum((m.sentiment_score IS NOT NULL)), sum(coalesce(m.rating, 0)), sum((m.rating IS NOT NULL)), sum((coalesce(m.csat, m.rating) IS NOT NULL)), sum(coalesce(coalesce(m.csat, m.rating) >= 4, 0)), sum((m.nps IS NOT NULL)), sum(coalesce(m.nps >= 9, 0)), sum(coalesce(m.nps <= 6, 0)), sum(coalesce(m.ces, 0)), sum((m.ces IS NOT NULL)), sum(coalesce((CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) BETWEEN 0 AND 10 AND (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END) BETWEEN 0 AND 10 THEN (m.nps + (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) + (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END)) / 3.0 END), 0)), sum(((CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) BETWEEN 0 AND 10 AND (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END) BETWEEN 0 AND 10 THEN (m.nps + (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) + (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END)) / 3.0 END) IS NOT NULL))
FROM mentions m JOIN mb ON mb.mid = m.id JOIN mt ON mt.mid = m.id
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
DELETE FROM rollups_all;
--> statement-breakpoint
WITH RECURSIVE anc(topic, ancestor) AS (
  SELECT id, id FROM topics
  UNION SELECT anc.topic, t.parent_id FROM anc JOIN topics t ON t.id = anc.ancestor WHERE t.parent_id IS NOT NULL
), mb(mid, brand) AS (
  SELECT id, '*' FROM mentions UNION ALL SELECT mention_id, brand_id FROM mention_brands
), mt(mid, topic) AS (
  SELECT id, '*' FROM mentions
  UNION SELECT mt.mention_id, coalesce(anc.ancestor, mt.topic_id) FROM mention_topics mt LEFT JOIN anc ON anc.topic = mt.topic_id
)
INSERT INTO rollups_all (brand, topic, bucket, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count)
SELECT brand, topic, (m.published_at / 3600000) * 3600000, sum(1), sum((m.duplicate_of IS NULL)), sum((m.sentiment_label IS 'positive')), sum((m.sentiment_label IS 'neutral')), sum((m.sentiment_label IS 'negative')), sum(coalesce(m.sentiment_score, 0)), sum((m.sentiment_score IS NOT NULL)), sum(coalesce(m.rating, 0)), sum((m.rating IS NOT NULL)), sum((coalesce(m.csat, m.rating) IS NOT NULL)), sum(coalesce(coalesce(m.csat, m.rating) >= 4, 0)), sum((m.nps IS NOT NULL)), sum(coalesce(m.nps >= 9, 0)), sum(coalesce(m.nps <= 6, 0)), sum(coalesce(m.ces, 0)), sum((m.ces IS NOT NULL)), sum(coalesce((CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) BETWEEN 0 AND 10 AND (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END) BETWEEN 0 AND 10 THEN (m.nps + (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) + (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END)) / 3.0 END), 0)), sum(((CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) BETWEEN 0 AND 10 AND (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END) BETWEEN 0 AND 10 THEN (m.nps + (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) + (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END)) / 3.0 END) IS NOT NULL))
FROM mentions m JOIN mb ON mb.mid = m.id JOIN mt ON mt.mid = m.id
GROUP BY 1, 2, 3;
