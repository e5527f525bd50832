-- sqlite3's side of `zoneledger import all CSV`: the same five CSV files read with .import into
-- staging tables, then turned into the ledger's own rows, in the same tables with the same
-- indexes, checks and triggers (the runner applies it to a copy of an empty ledger): codes
-- resolved by joins, Chinese labels mapped to keys, 万元 to yuan and 亩 to hundredths as exact
-- integers, the generator's seven due-date forms to days, one batch, an add entry per subject,
-- an entry per history row, all in one transaction. It does not check what zoneledger checks
-- (stage order, dates before the subject existed, duplicates), so it is a lower bound; the
-- runner compares its tables with zoneledger's, row for row. {csv} is the folder of CSV files.
.bail on
.import --csv {csv}/parks.csv s_park
.import --csv {csv}/parcels.csv s_parcel
.import --csv {csv}/projects.csv s_project
.import --csv {csv}/milestones.csv s_milestone
.import --csv {csv}/updates.csv s_update
BEGIN IMMEDIATE;
INSERT INTO batch(recorded_at, author, command) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ'), 'root', 'import parks parcels projects milestones updates');
CREATE TEMP TABLE label(kind TEXT, label TEXT, key TEXT, PRIMARY KEY (kind, label));
INSERT INTO label VALUES
  ('park', '小微园', 'micro-park'), ('park', '特色小镇', 'town'), ('park', '高新园区', 'high-tech-zone'),
  ('park', '产业平台', 'platform'), ('park', '创业园', 'startup-park'),
  ('project', '工业', 'industrial'), ('project', '基础设施', 'infrastructure'), ('project', '社会事业', 'social'),
  ('project', '商住', 'commercial'), ('project', '平台', 'platform'),
  ('stage', '谋划', 'planning'), ('stage', '前期', 'preliminary'), ('stage', '开工', 'started'), ('stage', '在建', 'construction'),
  ('stage', '结顶', 'topped-out'), ('stage', '竣工', 'completed'), ('stage', '投产', 'operating'),
  ('parcel', '规划', 'planned'), ('parcel', '挂牌', 'listed'), ('parcel', '出让', 'sold'), ('parcel', '在建', 'construction'),
  ('parcel', '竣工', 'completed'), ('parcel', '闲置', 'idle'), ('parcel', '收回', 'reclaimed'), ('parcel', '司法拍卖', 'auction'),
  ('action', '更新', 'update'), ('action', '完成', 'done'), ('action', '改期', 'reschedule'), ('action', '取消', 'cancel'), ('action', '重开', 'reopen');
-- A due date as written (2023年5月, 2020年7月底, 2021年上半年, 2022年底, 2020年第3季度, 2020-06-21):
-- its day (the period's last) and precision.
CREATE TEMP VIEW due AS SELECT text,
  CASE WHEN text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN text
       WHEN text GLOB '*年上半年' THEN substr(text, 1, 4) || '-06-30'
       WHEN text GLOB '*年下半年' OR text GLOB '*年底' THEN substr(text, 1, 4) || '-12-31'
       WHEN text GLOB '*年第*季度' THEN date(substr(text, 1, 4) || '-' || printf('%02d', 3 * CAST(substr(text, 7, 1) AS INTEGER)) || '-01', '+1 month', '-1 day')
       ELSE date(substr(text, 1, 4) || '-' || printf('%02d', CAST(rtrim(substr(text, 6), '月底') AS INTEGER)) || '-01', '+1 month', '-1 day') END AS day,
  CASE WHEN text GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'day' WHEN text GLOB '*半年' THEN 'half'
       WHEN text GLOB '*年底' THEN 'year' WHEN text GLOB '*季度' THEN 'quarter' ELSE 'month' END AS precision
  FROM (SELECT DISTINCT 到期 AS text FROM s_milestone UNION SELECT DISTINCT 到期 FROM s_update WHERE 到期 <> '');
CREATE TEMP TABLE due_day AS SELECT * FROM due;
CREATE UNIQUE INDEX temp.due_text ON due_day(text);
INSERT INTO park(code, name, kind, area_mu_hundredths, investment_yuan)
  SELECT 编号, 名称, (SELECT key FROM label WHERE kind = 'park' AND label = 类别),
         CAST(replace("面积(亩)", '.', '') AS INTEGER), CAST("总投资(万元)" AS INTEGER) * 10000 FROM s_park ORDER BY rowid;
INSERT INTO entry(batch_id, effective_on, action, park_id) SELECT 1, s.生效日期, 'add', y.id FROM s_park s JOIN park y ON y.code = s.编号 ORDER BY s.rowid;
INSERT INTO parcel(code, name, area_mu_hundredths, land_use)
  SELECT 编号, 名称, CAST(replace("面积(亩)", '.', '') AS INTEGER), 用地性质 FROM s_parcel ORDER BY rowid;
INSERT INTO entry(batch_id, effective_on, action, parcel_id, parcel_status)
  SELECT 1, s.生效日期, 'add', l.id, (SELECT key FROM label WHERE kind = 'parcel' AND label = s.状态) FROM s_parcel s JOIN parcel l ON l.code = s.编号 ORDER BY s.rowid;
INSERT INTO project(code, name, kind, investment_yuan, park_id, parcel_id, provincial_major, registered, department, planned_start, planned_completion)
  SELECT s.编号, s.名称, (SELECT key FROM label WHERE kind = 'project' AND label = s.类别), CAST(s."总投资(万元)" AS INTEGER) * 10000,
         (SELECT id FROM park WHERE code = s.园区), (SELECT id FROM parcel WHERE code = s.地块), s.省重大产业项目 = '是', s.统计入库 = '是',
         nullif(s.责任部门, ''), nullif(s.计划开工, ''), nullif(s.计划竣工, '') FROM s_project s ORDER BY s.rowid;
INSERT INTO entry(batch_id, effective_on, action, project_id, stage, progress)
  SELECT 1, s.生效日期, 'add', p.id, (SELECT key FROM label WHERE kind = 'stage' AND label = s.阶段), CAST(s."进度%" AS INTEGER)
  FROM s_project s JOIN project p ON p.code = s.编号 ORDER BY s.rowid;
INSERT INTO milestone(code, title, project_id, due_on, due_text, due_precision)
  SELECT s.编号, s.节点, (SELECT id FROM project WHERE code = s.项目), d.day, s.到期, d.precision
  FROM s_milestone s JOIN due_day d ON d.text = s.到期 ORDER BY s.rowid;
INSERT INTO entry(batch_id, effective_on, action, milestone_id) SELECT 1, s.立下日期, 'add', m.id FROM s_milestone s JOIN milestone m ON m.code = s.编号 ORDER BY s.rowid;
INSERT INTO entry(batch_id, effective_on, action, project_id, milestone_id, stage, progress, due_on, due_text, due_precision, note)
  SELECT 1, s.生效日期, (SELECT key FROM label WHERE kind = 'action' AND label = s.动作),
         (SELECT id FROM project WHERE code = s.对象), (SELECT id FROM milestone WHERE code = s.对象),
         (SELECT key FROM label WHERE kind = 'stage' AND label = s.阶段), CAST(nullif(s."进度%", '') AS INTEGER),
         d.day, nullif(s.到期, ''), d.precision, nullif(s.说明, '')
  FROM s_update s LEFT JOIN due_day d ON d.text = s.到期 ORDER BY s.rowid;
COMMIT;
