-- sqlite3's side of `zoneledger sheet --month 2022-06 --format json`: the queries behind the
-- sheet's sections (stages, milestones due, the project table with its month's entries, parks).
SELECT stage, count(*) FROM (
  SELECT (SELECT stage FROM live_entry WHERE project_id = p.id AND stage IS NOT NULL AND effective_on <= '2022-06-30'
          ORDER BY effective_on DESC, id DESC LIMIT 1) AS stage
  FROM project p WHERE EXISTS (SELECT 1 FROM live_entry WHERE project_id = p.id AND action = 'add' AND effective_on <= '2022-06-30'))
GROUP BY stage;
SELECT count(*) FROM milestone m WHERE m.due_on BETWEEN '2022-06-01' AND '2022-06-30';
SELECT json_object('code', p.code, 'name', p.name, 'kind', p.kind, 'investment_yuan', p.investment_yuan,
  'stage', (SELECT stage FROM live_entry WHERE project_id = p.id AND stage IS NOT NULL AND effective_on <= '2022-06-30'
            ORDER BY effective_on DESC, id DESC LIMIT 1),
  'progress', (SELECT progress FROM live_entry WHERE project_id = p.id AND progress IS NOT NULL AND effective_on <= '2022-06-30'
               ORDER BY effective_on DESC, id DESC LIMIT 1),
  'month_notes', (SELECT group_concat(effective_on || ' ' || coalesce(note, ''), '；') FROM live_entry
                  WHERE project_id = p.id AND effective_on BETWEEN '2022-06-01' AND '2022-06-30'),
  'next', (SELECT title || ' ' || due_on FROM milestone m WHERE m.project_id = p.id AND m.due_on >= '2022-06-30'
           ORDER BY due_on LIMIT 1))
FROM project p WHERE EXISTS (SELECT 1 FROM live_entry WHERE project_id = p.id AND action = 'add' AND effective_on <= '2022-06-30')
ORDER BY p.kind, p.id;
SELECT y.code, y.name, (SELECT count(*) FROM tenant t WHERE t.park_id = y.id) FROM park y;
