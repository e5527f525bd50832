-- sqlite3's side of `zoneledger overdue --as-of 2022-06-30 --format json`: the same milestone
-- state rebuilt from the entries (last done/cancel/reopen, last reschedule, latest note), open
-- ones due before the day, most overdue first, as JSON rows.
WITH state AS (
  SELECT m.id, m.code, m.title, m.due_on, m.due_text,
    (SELECT action FROM live_entry WHERE milestone_id = m.id AND action IN ('done', 'cancel', 'reopen')
       AND effective_on <= '2022-06-30' ORDER BY effective_on DESC, id DESC LIMIT 1) AS closing,
    (SELECT due_on FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= '2022-06-30'
       ORDER BY effective_on DESC, id DESC LIMIT 1) AS new_due,
    (SELECT count(*) FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= '2022-06-30') AS reschedules,
    (SELECT effective_on || '|' || note FROM live_entry
       WHERE (milestone_id = m.id OR project_id = m.project_id) AND note IS NOT NULL AND effective_on <= '2022-06-30'
       ORDER BY effective_on DESC, id DESC LIMIT 1) AS latest,
    p.code AS subject_code, p.name AS subject_name, p.department
  FROM milestone m LEFT JOIN project p ON p.id = m.project_id
  WHERE EXISTS (SELECT 1 FROM live_entry WHERE milestone_id = m.id AND action = 'add' AND effective_on <= '2022-06-30')
)
SELECT json_object('code', code, 'subject', subject_code || ' ' || subject_name, 'milestone', title,
                   'due_on', coalesce(new_due, due_on), 'days_overdue', julianday('2022-06-30') - julianday(coalesce(new_due, due_on)),
                   'reschedules', reschedules, 'latest', latest, 'department', department)
FROM state
WHERE coalesce(closing, 'reopen') = 'reopen' AND coalesce(new_due, due_on) < '2022-06-30'
ORDER BY julianday('2022-06-30') - julianday(coalesce(new_due, due_on)) DESC, length(code), code;
