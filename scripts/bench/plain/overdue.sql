-- The plain side of `zoneledger overdue --as-of DAY`: written by hand against schema.sql.
--     sqlite3 -cmd ".parameter set @day \"'2022-06-30'\"" plain.sqlite < overdue.sql
-- @day is the as-of day (for "today", today's date). Two lists, the columns named as
-- zoneledger's JSON keys, in its order:
--   1. 逾期: milestones open on @day whose due day, as it stood on @day, is before @day;
--      most overdue first, then by code as people count (M2 before M10);
--   2. 滞后: projects below the straight line from planned start to planned completion on @day.
-- The current-state columns answer for today; for a past day, the status_update rows up to that
-- day do. A milestone is open on @day if it had been set by then and not done by then (done ON
-- the day counts as done). Its due day on @day is the original one unless it was rescheduled:
-- then it is the latest 改期 by @day, if any. Only the rescheduled few need that lookup.

WITH open_then AS (
  SELECT m.id, m.code, m.title, m.project, m.original_due_on, m.original_due_text,
    CASE WHEN m.reschedules = 0 THEN 0
         ELSE (SELECT count(*) FROM status_update WHERE subject = m.code AND action = '改期' AND day <= @day) END AS reschedules,
    CASE WHEN m.reschedules = 0 THEN NULL
         ELSE (SELECT id FROM status_update WHERE subject = m.code AND action = '改期' AND day <= @day
               ORDER BY day DESC, id DESC LIMIT 1) END AS move_id
  FROM milestone m
  WHERE m.created_on <= @day AND (m.done_on IS NULL OR m.done_on > @day)
),
due_then AS (
  SELECT o.*, coalesce(r.due_on, o.original_due_on) AS due_on, coalesce(r.due_text, o.original_due_text) AS due_text
  FROM open_then o LEFT JOIN status_update r ON r.id = o.move_id
)
SELECT d.code,
  '项目 ' || p.code || ' ' || p.name AS subject,
  d.title AS milestone,
  d.due_text,
  d.due_on,
  CAST(julianday(@day) - julianday(d.due_on) AS INTEGER) AS days_overdue,
  d.reschedules,
  CASE WHEN d.reschedules > 0 THEN d.original_due_text END AS original_due_text,
  CASE WHEN d.reschedules > 0 THEN d.original_due_on END AS original_due_on,
  n.day AS latest_on,
  n.note AS latest_note,
  p.department
FROM due_then d
  JOIN project p ON p.code = d.project
  -- The latest note by @day about the milestone or its project: the later of the two latest.
  LEFT JOIN status_update n ON n.id = (
    SELECT id FROM (
      SELECT * FROM (SELECT id, day FROM status_update WHERE subject = d.code AND note IS NOT NULL AND day <= @day
                     ORDER BY day DESC, id DESC LIMIT 1)
      UNION ALL
      SELECT * FROM (SELECT id, day FROM status_update WHERE subject = d.project AND note IS NOT NULL AND day <= @day
                     ORDER BY day DESC, id DESC LIMIT 1))
    ORDER BY day DESC, id DESC LIMIT 1)
WHERE d.due_on < @day
ORDER BY d.due_on, length(d.code), d.code;

-- 滞后: planned start before @day, not 竣工/投产 on @day, and progress × span < elapsed × 100
-- in whole days (span at least 1, elapsed at most span). A project's state on @day is its latest
-- status_update row by then (every project row carries stage and progress).
SELECT code, name AS project, planned_start, planned_completion,
  elapsed * 100 / span AS expected_percent, progress, latest_on, latest_note, department
FROM (
  SELECT p.id, p.code, p.name, p.planned_start, p.planned_completion, p.department,
    u.stage, coalesce(u.progress, 0) AS progress, u.day AS latest_on,
    (SELECT note FROM status_update WHERE subject = p.code AND note IS NOT NULL AND day <= @day
     ORDER BY day DESC, id DESC LIMIT 1) AS latest_note,
    max(1, CAST(julianday(p.planned_completion) - julianday(p.planned_start) AS INTEGER)) AS span,
    min(max(1, CAST(julianday(p.planned_completion) - julianday(p.planned_start) AS INTEGER)),
        CAST(julianday(@day) - julianday(p.planned_start) AS INTEGER)) AS elapsed
  FROM project p
    LEFT JOIN status_update u ON u.id = (SELECT id FROM status_update WHERE subject = p.code AND day <= @day
                                         ORDER BY day DESC, id DESC LIMIT 1)
  WHERE p.planned_start IS NOT NULL AND p.planned_completion IS NOT NULL
    AND p.planned_start < @day AND p.created_on <= @day)
WHERE coalesce(stage, '') NOT IN ('竣工', '投产') AND progress * span < elapsed * 100
ORDER BY id;
