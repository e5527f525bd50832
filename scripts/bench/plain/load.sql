-- The plain side's load: the benchmark's five CSV files into schema.sql's tables, as a person
-- would do it with the sqlite3 shell: .import each file into a staging table, turn the staging
-- rows into the plain rows with INSERT … SELECT, then create the indexes once the rows are in.
-- This is what `zoneledger import all` is measured against. Run on a new, empty file:
--     sqlite3 -bail plain.sqlite < load.sql   ({csv}: the CSV folder, {here}: this folder; the runner fills them in)
-- The files have Chinese headers and a UTF-8 BOM; sqlite3's .import skips the BOM and takes the
-- header row as the column names. Staging tables live in the temp schema, so they never reach
-- the ledger file and need no DROP.
.bail on
.read {here}/schema.sql
.import --csv --schema temp {csv}/parks.csv s_park
.import --csv --schema temp {csv}/parcels.csv s_parcel
.import --csv --schema temp {csv}/projects.csv s_project
.import --csv --schema temp {csv}/milestones.csv s_milestone
.import --csv --schema temp {csv}/updates.csv s_update
BEGIN;

-- Due dates as people write them, to the day they fall due: a period is due on its LAST day
-- (2021年底 and 2021年下半年 → 12-31, 2021年上半年 → 06-30, 2021年第3季度 → 09-30,
-- 2021年3月 and 2021年3月底 → 03-31); an ISO day is itself. Worked out once per distinct wording
-- (there are a few thousand), not once per row. In SQLite's substr a Chinese character is one.
CREATE TEMP TABLE due_word (text TEXT PRIMARY KEY, day TEXT NOT NULL);
INSERT INTO due_word
SELECT text,
  CASE
    WHEN text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN text
    WHEN text GLOB '[0-9][0-9][0-9][0-9]年上半年' THEN substr(text, 1, 4) || '-06-30'
    WHEN text GLOB '[0-9][0-9][0-9][0-9]年下半年' OR text GLOB '[0-9][0-9][0-9][0-9]年底' THEN substr(text, 1, 4) || '-12-31'
    -- 2021年第3季度: the quarter's last month, then that month's last day
    WHEN text GLOB '[0-9][0-9][0-9][0-9]年第[1-4]季度' THEN
      date(printf('%s-%02d-01', substr(text, 1, 4), 3 * CAST(substr(text, 7, 1) AS INTEGER)), '+1 month', '-1 day')
    -- 2021年3月, 2021年3月底: the month's last day
    WHEN text GLOB '[0-9][0-9][0-9][0-9]年*月' OR text GLOB '[0-9][0-9][0-9][0-9]年*月底' THEN
      date(printf('%s-%02d-01', substr(text, 1, 4), CAST(rtrim(substr(text, 6), '月底') AS INTEGER)), '+1 month', '-1 day')
  END
FROM (SELECT 到期 AS text FROM s_milestone UNION SELECT 到期 FROM s_update WHERE 到期 <> '');

INSERT INTO park (code, name, kind, area_mu, investment_wan, created_on)
SELECT 编号, 名称, 类别, CAST("面积(亩)" AS REAL), CAST("总投资(万元)" AS INTEGER), 生效日期
FROM s_park ORDER BY rowid;

-- The history first: the status each parcel and project was entered with (新增), then the
-- updates file's rows in its order, so a later id is a later record.
INSERT INTO status_update (day, subject, action, stage)
SELECT 生效日期, 编号, '新增', 状态 FROM s_parcel ORDER BY rowid;
INSERT INTO status_update (day, subject, action, stage, progress)
SELECT 生效日期, 编号, '新增', 阶段, CAST("进度%" AS INTEGER) FROM s_project ORDER BY rowid;
INSERT INTO status_update (day, subject, action, stage, progress, due_on, due_text, note)
SELECT u.生效日期, u.对象, u.动作, nullif(u.阶段, ''), CAST(nullif(u."进度%", '') AS INTEGER),
       d.day, nullif(u.到期, ''), nullif(u.说明, '')
FROM s_update u LEFT JOIN due_word d ON d.text = u.到期
ORDER BY u.rowid;

-- A subject's history in day order: every "as of a day" question, and the current state
-- below, is a seek on this index.
CREATE INDEX status_update_subject ON status_update (subject, day);

-- Current state: each parcel's and project's latest update, each milestone's latest 改期 (its
-- due now), how many there were, and its 完成 day.
INSERT INTO parcel (code, name, area_mu, land_use, status, created_on)
SELECT s.编号, s.名称, CAST(s."面积(亩)" AS REAL), s.用地性质,
       (SELECT stage FROM status_update WHERE subject = s.编号 ORDER BY day DESC, id DESC LIMIT 1), s.生效日期
FROM s_parcel s ORDER BY s.rowid;

INSERT INTO project (code, name, kind, stage, progress, investment_wan, park, parcel, provincial_major, registered,
                     department, planned_start, planned_completion, created_on)
SELECT s.编号, s.名称, s.类别, u.stage, u.progress, CAST(s."总投资(万元)" AS INTEGER), nullif(s.园区, ''), nullif(s.地块, ''),
       s.省重大产业项目 = '是', s.统计入库 = '是', nullif(s.责任部门, ''), nullif(s.计划开工, ''), nullif(s.计划竣工, ''), s.生效日期
FROM s_project s
  LEFT JOIN status_update u ON u.id = (SELECT id FROM status_update WHERE subject = s.编号 ORDER BY day DESC, id DESC LIMIT 1)
ORDER BY s.rowid;

INSERT INTO milestone (code, title, project, due_on, due_text, original_due_on, original_due_text, reschedules, done_on, created_on)
SELECT s.编号, s.节点, s.项目, coalesce(r.due_on, d.day), coalesce(r.due_text, s.到期), d.day, s.到期,
       (SELECT count(*) FROM status_update WHERE subject = s.编号 AND action = '改期'),
       (SELECT max(day) FROM status_update WHERE subject = s.编号 AND action = '完成'),
       s.立下日期
FROM s_milestone s
  JOIN due_word d ON d.text = s.到期
  LEFT JOIN status_update r
    ON r.id = (SELECT id FROM status_update WHERE subject = s.编号 AND action = '改期' ORDER BY day DESC, id DESC LIMIT 1)
ORDER BY s.rowid;

-- The indexes the queries use, built once over the loaded rows; the codes are unique. No index
-- on due_on: every due question is "as of a day", which the current due column cannot answer
-- for the rescheduled, so the queries read the milestones through (one pass, in rowid order).
CREATE UNIQUE INDEX park_code ON park (code);
CREATE UNIQUE INDEX parcel_code ON parcel (code);
CREATE UNIQUE INDEX project_code ON project (code);
CREATE UNIQUE INDEX milestone_code ON milestone (code);
CREATE INDEX project_parcel ON project (parcel);         -- a parcel's projects
CREATE INDEX milestone_project ON milestone (project);   -- a project's milestones
CREATE INDEX status_update_day ON status_update (day);   -- the month's updates
COMMIT;

-- The file then goes to WAL, as zoneledger's ledger is (and with the same default synchronous
-- FULL): readers do not wait for a writer, and a status update costs the same syncs on both
-- sides. Switched after the bulk load, which a rollback journal takes in one pass.
PRAGMA journal_mode = WAL;
