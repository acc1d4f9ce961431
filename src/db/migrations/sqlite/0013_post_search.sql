-- Full-text index of post text (FTS5). Its own rows keyed by the post id (a column, not the rowid: the
-- posts table has no INTEGER PRIMARY KEY, so its rowids may change on VACUUM); triggers keep it in step
-- with every write of posts.text. Search queries match the body column only.
CREATE VIRTUAL TABLE `posts_fts` USING fts5(post_id, body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `posts_fts` (post_id, body) SELECT id, text FROM `posts`;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_insert` AFTER INSERT ON `posts` BEGIN
  INSERT INTO `posts_fts` (post_id, body) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_update` AFTER UPDATE OF text ON `posts` WHEN old.text IS NOT new.text BEGIN
  DELETE FROM `posts_fts` WHERE `posts_fts` MATCH 'post_id:"' || old.id || '"';
  INSERT INTO `posts_fts` (post_id, body) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM `posts_fts` WHERE `posts_fts` MATCH 'post_id:"' || old.id || '"';
END;
