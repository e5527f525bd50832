-- sqlite3's side of `zoneledger log P500 --format json`: the project's entries, newest first.
SELECT json_object('id', e.id, 'effective_on', e.effective_on, 'action', e.action, 'stage', e.stage,
                   'progress', e.progress, 'note', e.note, 'author', b.author, 'recorded_at', b.recorded_at)
FROM entry e JOIN batch b ON b.id = e.batch_id
WHERE e.project_id = (SELECT id FROM project WHERE code = 'P500')
ORDER BY e.effective_on DESC, e.id DESC;
