-- Full-text search over mention titles and text for the API's `q` filter. External-content FTS5
-- keeps one copy of the text (in mentions); the triggers keep the index in step.
CREATE VIRTUAL TABLE `mentions_fts` USING fts5(title, text, content='mentions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `mentions_fts_insert` AFTER INSERT ON `mentions` BEGIN
  INSERT INTO mentions_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `mentions_fts_delete` AFTER DELETE ON `mentions` BEGIN
  INSERT INTO mentions_fts(mentions_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `mentions_fts_update` AFTER UPDATE OF title, text ON `mentions` BEGIN
  INSERT INTO mentions_fts(mentions_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
  INSERT INTO mentions_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;
