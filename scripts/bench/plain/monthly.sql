-- The plain side of `zoneledger sheet --month 2022-06 --format json`: the monthly progress
-- sheet's core, written by hand against schema.sql.
--     sqlite3 -cmd ".parameter set @from \"'2022-06-01'\"" -cmd ".parameter set @day \"'2022-06-30'\"" \
--       plain.sqlite < monthly.sql
-- @from is the month's first day, @day the day the sheet is as of (the month's last day, or
-- today while the month runs). Sections in the sheet's order, columns named as its JSON keys:
-- projects by stage, the milestone summary, the projects, the overdue list, the parcels. (The
-- sheet's land, tenant, target, park and indicator sections come from figures and tenants,
-- which the plain schema does not have; the benchmark's data has none.)
--
-- The state on @day is worked out once into two temp tables that every section reads: each
-- project's latest status_update row by @day, and each milestone's due day and done day as they
-- stood on @day (the current columns, except for the few rescheduled ones: their latest 改期 by
-- @day, if any).

CREATE TEMP TABLE project_then AS
SELECT p.id, p.code, p.name, p.kind, p.investment_wan, p.planned_start, p.planned_completion, p.parcel,
       u.stage, u.progress
FROM project p
  LEFT JOIN status_update u ON u.id = (SELECT id FROM status_update WHERE subject = p.code AND day <= @day
                                       ORDER BY day DESC, id DESC LIMIT 1)
WHERE p.created_on <= @day;

CREATE TEMP TABLE milestone_then AS
SELECT m.id, m.code, m.title, m.project, m.original_due_on, m.original_due_text,
       CASE WHEN m.reschedules = 0 THEN 0
            ELSE (SELECT count(*) FROM status_update WHERE subject = m.code AND action = '改期' AND day <= @day) END AS reschedules,
       CASE WHEN m.done_on <= @day THEN m.done_on END AS done_on,
       coalesce(r.due_on, m.original_due_on) AS due_on, coalesce(r.due_text, m.original_due_text) AS due_text
FROM milestone m
  LEFT JOIN status_update r ON m.reschedules > 0
    AND r.id = (SELECT id FROM status_update WHERE subject = m.code AND action = '改期' AND day <= @day
                ORDER BY day DESC, id DESC LIMIT 1)
WHERE m.created_on <= @day;

-- 项目形象进度: every stage, in order, and the total.
WITH stage(stage, rank) AS (VALUES ('谋划', 1), ('前期', 2), ('开工', 3), ('在建', 4), ('结顶', 5), ('竣工', 6), ('投产', 7)),
counted AS (SELECT stage, count(*) AS projects FROM project_then GROUP BY stage)
SELECT stage, projects FROM (
  SELECT s.stage, coalesce(c.projects, 0) AS projects, s.rank FROM stage s LEFT JOIN counted c ON c.stage = s.stage
  UNION ALL
  SELECT '合计', count(*), 8 FROM project_then)
ORDER BY rank;

-- 节点与记录: due this month (as due on @day) done / open, done this month, overdue on @day,
-- status updates this month.
SELECT
  count(*) FILTER (WHERE due_on BETWEEN @from AND date(@from, '+1 month', '-1 day')) AS due_in_month,
  count(*) FILTER (WHERE due_on BETWEEN @from AND date(@from, '+1 month', '-1 day') AND done_on IS NOT NULL) AS due_in_month_done,
  count(*) FILTER (WHERE due_on BETWEEN @from AND date(@from, '+1 month', '-1 day') AND done_on IS NULL) AS due_in_month_open,
  count(*) FILTER (WHERE done_on >= @from) AS completed_in_month,
  count(*) FILTER (WHERE done_on IS NULL AND due_on < @day) AS overdue,
  (SELECT count(*) FROM status_update WHERE day BETWEEN @from AND @day) AS entries_in_month
FROM milestone_then;

-- 重点项目进度: by kind (工业, 基础设施, 社会事业, 商住, 平台), then as entered; the month's
-- updates as "06-05 阶段：在建；进度：30%，说明"; the next open milestone; the health mark:
-- 逾期 (next milestone due before @day), 滞后 (below the straight line, as in overdue.sql),
-- 预警 (next milestone due within 30 days), else 正常.
WITH next_open AS (
  SELECT project, title, due_text, due_on, row_number() OVER (PARTITION BY project ORDER BY due_on, id) AS rank
  FROM milestone_then WHERE done_on IS NULL
),
rows AS (
  SELECT p.*, n.title AS next_title, n.due_text AS next_due_text, n.due_on AS next_due_on,
    max(1, CAST(julianday(p.planned_completion) - julianday(p.planned_start) AS INTEGER)) AS span,
    CAST(julianday(@day) - julianday(p.planned_start) AS INTEGER) AS since_start,
    CASE p.kind WHEN '工业' THEN 1 WHEN '基础设施' THEN 2 WHEN '社会事业' THEN 3 WHEN '商住' THEN 4 WHEN '平台' THEN 5 ELSE 99 END AS kind_rank
  FROM project_then p LEFT JOIN next_open n ON n.project = p.code AND n.rank = 1
)
SELECT row_number() OVER (ORDER BY kind_rank, id) AS seq, code, name, kind, investment_wan, stage, progress,
  (SELECT json_group_array(line) FROM (
     SELECT substr(day, 6) || ' ' || CASE WHEN action = '新增' THEN '记入台账，' ELSE '' END
            || '阶段：' || stage || '；进度：' || progress || '%' || coalesce('，' || note, '') AS line
     FROM status_update WHERE subject = r.code AND day BETWEEN @from AND @day ORDER BY day, id)) AS month_notes,
  next_title || '（' || next_due_text || '，' || next_due_on || '）' AS next_milestone,
  CASE
    WHEN next_due_on < @day THEN '逾期'
    WHEN planned_start < @day AND coalesce(stage, '') NOT IN ('竣工', '投产')
         AND coalesce(progress, 0) * span < min(span, since_start) * 100 THEN '滞后'
    WHEN next_due_on <= date(@day, '+30 days') THEN '预警'
    ELSE '正常'
  END AS status
FROM rows r
ORDER BY kind_rank, id;

-- 逾期节点: as overdue.sql, from the state on @day worked out above.
SELECT m.code,
  '项目 ' || p.code || ' ' || p.name AS subject,
  m.title AS milestone,
  m.due_text,
  m.due_on,
  CAST(julianday(@day) - julianday(m.due_on) AS INTEGER) AS days_overdue,
  m.reschedules,
  CASE WHEN m.reschedules > 0 THEN m.original_due_text END AS original_due_text,
  CASE WHEN m.reschedules > 0 THEN m.original_due_on END AS original_due_on,
  n.day AS latest_on,
  n.note AS latest_note,
  p.department
FROM milestone_then m
  JOIN project p ON p.code = m.project
  LEFT JOIN status_update n ON n.id = (
    SELECT id FROM (
      SELECT * FROM (SELECT id, day FROM status_update WHERE subject = m.code AND note IS NOT NULL AND day <= @day
                     ORDER BY day DESC, id DESC LIMIT 1)
      UNION ALL
      SELECT * FROM (SELECT id, day FROM status_update WHERE subject = m.project AND note IS NOT NULL AND day <= @day
                     ORDER BY day DESC, id DESC LIMIT 1))
    ORDER BY day DESC, id DESC LIMIT 1)
WHERE m.done_on IS NULL AND m.due_on < @day
ORDER BY m.due_on, length(m.code), m.code;

-- 地块: status on @day (the latest update by then), the projects on the parcel, the month's updates.
SELECT l.code, l.name, l.area_mu,
  (SELECT stage FROM status_update WHERE subject = l.code AND day <= @day ORDER BY day DESC, id DESC LIMIT 1) AS status,
  (SELECT group_concat(code, '、') FROM project WHERE parcel = l.code) AS projects,
  (SELECT json_group_array(line) FROM (
     SELECT substr(day, 6) || ' ' || CASE WHEN action = '新增' THEN '记入台账，' ELSE '' END
            || '状态：' || stage || coalesce('，' || note, '') AS line
     FROM status_update WHERE subject = l.code AND day BETWEEN @from AND @day ORDER BY day, id)) AS month_notes
FROM parcel l
WHERE l.created_on <= @day
ORDER BY l.id;
