-- sqlite3's side of one `zoneledger project update P500 --note bench`: a batch and an entry.
BEGIN IMMEDIATE;
INSERT INTO batch(recorded_at, author, command) VALUES ('2026-11-29T08:00:00+08:00', 'bench', 'project update');
INSERT INTO entry(batch_id, effective_on, action, project_id, note)
  VALUES (last_insert_rowid(), '2026-11-29', 'update', (SELECT id FROM project WHERE code = 'P500'), 'bench');
COMMIT;
