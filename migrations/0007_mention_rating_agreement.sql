ALTER TABLE `mentions` ADD `rating_agreement` text GENERATED ALWAYS AS (CASE
  WHEN rating IS NULL OR sentiment_label IS NULL THEN NULL
  WHEN (CASE WHEN round(rating) <= 2 THEN 'negative' WHEN round(rating) >= 4 THEN 'positive' ELSE 'neutral' END) = sentiment_label THEN 'agree'
  WHEN round(rating) > 2 AND round(rating) < 4 THEN 'mixed'
  WHEN sentiment_label = 'neutral' THEN 'mixed'
  ELSE 'disagree' END) VIRTUAL;--> statement-breakpoint
CREATE INDEX `mentions_agreement_published` ON `mentions` (`rating_agreement`,`published_at`);