-- Hand-edited (drizzle-kit cannot express WITHOUT ROWID): the rating × source × language tables
-- are created WITHOUT ROWID, as in 0010/0011, counted from the rated mentions as
-- src/db/mention-writer.ts (rebuildRollupsSql) counts them, and their UTC days summed from their
-- hours. The declared zones are forgotten so that the next start (syncConfig) fills every
-- local-day table of each zone again from the hours, the new one included.
CREATE TABLE `rollups_rating_full` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`source_id` integer NOT NULL,
	`rating` real NOT NULL,
	`bucket` integer NOT NULL,
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
	`positive_originals` integer DEFAULT 0 NOT NULL,
	`neutral_originals` integer DEFAULT 0 NOT NULL,
	`negative_originals` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `source_id`, `rating`, `bucket`, `lang`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollups_rating_full_day` (
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`source_id` integer NOT NULL,
	`rating` real NOT NULL,
	`bucket` integer NOT NULL,
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
	`positive_originals` integer DEFAULT 0 NOT NULL,
	`neutral_originals` integer DEFAULT 0 NOT NULL,
	`negative_originals` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`brand`, `topic`, `source_id`, `rating`, `bucket`, `lang`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollups_rating_full_local` (
	`zone` text NOT NULL,
	`brand` text NOT NULL,
	`topic` text NOT NULL,
	`source_id` integer NOT NULL,
	`rating` real NOT NULL,
	`bucket` integer NOT NULL,
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
	`positive_originals` integer DEFAULT 0 NOT NULL,
	`neutral_originals` integer DEFAULT 0 NOT NULL,
	`negative_originals` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`zone`, `brand`, `topic`, `source_id`, `rating`, `bucket`, `lang`)
) WITHOUT ROWID;
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
INSERT INTO rollups_rating_full (brand, topic, source_id, rating, bucket, lang, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count, positive_originals, neutral_originals, negative_originals)
SELECT mb.brand, mt.topic, m.source_id, m.rating, (m.published_at / 3600000) * 3600000, m.lang, sum(1), sum((m.duplicate_of IS NULL)), sum((m.sentiment_label IS 'positive')), sum((m.sentiment_label IS 'neutral')), sum((m.sentiment_label IS 'negative')), sum(coalesce(m.sentiment_score, 0)), sum((m.sentiment_score IS NOT NULL)), sum(coalesce(m.rating, 0)), sum((m.rating IS NOT NULL)), sum((coalesce(m.csat, m.rating) IS NOT NULL)), sum(coalesce(coalesce(m.csat, m.rating) >= 4, 0)), sum((m.nps IS NOT NULL)), sum(coalesce(m.nps >= 9, 0)), sum(coalesce(m.nps <= 6, 0)), sum(coalesce(m.ces, 0)), sum((m.ces IS NOT NULL)), sum(coalesce((CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) BETWEEN 0 AND 10 AND (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END) BETWEEN 0 AND 10 THEN (m.nps + (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) + (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END)) / 3.0 END), 0)), sum(((CASE WHEN m.nps IS NOT NULL AND m.metadata IS NOT NULL AND (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) BETWEEN 0 AND 10 AND (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END) BETWEEN 0 AND 10 THEN (m.nps + (CASE WHEN typeof(json_extract(m.metadata, '$.repurchase')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.repurchase')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.repurchase')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.repurchase')) AS REAL) END) + (CASE WHEN typeof(json_extract(m.metadata, '$.try_other')) IN ('integer', 'real') OR (trim(json_extract(m.metadata, '$.try_other')) GLOB '[0-9]*' AND trim(json_extract(m.metadata, '$.try_other')) NOT GLOB '*[^0-9.]*') THEN cast(trim(json_extract(m.metadata, '$.try_other')) AS REAL) END)) / 3.0 END) IS NOT NULL)), sum((m.duplicate_of IS NULL AND m.sentiment_label IS 'positive')), sum((m.duplicate_of IS NULL AND m.sentiment_label IS 'neutral')), sum((m.duplicate_of IS NULL AND m.sentiment_label IS 'negative'))
FROM mentions m JOIN mb ON mb.mid = m.id JOIN mt ON mt.mid = m.id
WHERE m.rating IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO rollups_rating_full_day (brand, topic, source_id, rating, bucket, lang, volume, originals, positive, neutral, negative, sentiment_sum, sentiment_count, rating_sum, rating_count, csat_count, csat_satisfied, nps_count, promoters, detractors, ces_sum, ces_count, cli_sum, cli_count, positive_originals, neutral_originals, negative_originals)
SELECT brand, topic, source_id, rating, (bucket / 86400000) * 86400000, lang, sum(volume), sum(originals), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(sentiment_count), sum(rating_sum), sum(rating_count), sum(csat_count), sum(csat_satisfied), sum(nps_count), sum(promoters), sum(detractors), sum(ces_sum), sum(ces_count), sum(cli_sum), sum(cli_count), sum(positive_originals), sum(neutral_originals), sum(negative_originals) FROM `rollups_rating_full` GROUP BY brand, topic, source_id, rating, (bucket / 86400000) * 86400000, lang;
--> statement-breakpoint
DELETE FROM rollup_zones;
