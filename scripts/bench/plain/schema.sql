-- The plain side of the benchmark: the ledger as a person would keep it in SQLite by hand,
-- without zoneledger. One row per thing holding its current state, plus a table of the dated
-- status updates (kept, because questions about a past day need them). Labels are stored as the
-- spreadsheets write them (工业, 在建, 出让 …) and things refer to each other by code, as the CSV
-- files do. Days are ISO text, so they compare and sort as text.
--
-- No indexes here: load.sql creates them after the rows are in, which is how a bulk load is done
-- (and the runner times the load with them, as the import's baseline).

CREATE TABLE park (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,             -- Y12
  name TEXT NOT NULL,
  kind TEXT,                      -- 小微园, 特色小镇 …
  area_mu REAL,                   -- 亩
  investment_wan INTEGER,         -- 万元
  created_on TEXT NOT NULL
);

CREATE TABLE parcel (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,             -- L12
  name TEXT NOT NULL,
  area_mu REAL,
  land_use TEXT,
  status TEXT,                    -- current: 规划, 挂牌, 出让 …
  created_on TEXT NOT NULL
);

CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,             -- P12
  name TEXT NOT NULL,
  kind TEXT NOT NULL,             -- 工业, 基础设施, 社会事业, 商住, 平台
  stage TEXT,                     -- current: as of the latest status update
  progress INTEGER,               -- current, percent
  investment_wan INTEGER,
  park TEXT,                      -- park code
  parcel TEXT,                    -- parcel code
  provincial_major INTEGER NOT NULL DEFAULT 0,
  registered INTEGER NOT NULL DEFAULT 0,
  department TEXT,
  planned_start TEXT,
  planned_completion TEXT,
  created_on TEXT NOT NULL
);

CREATE TABLE milestone (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,             -- M12
  title TEXT NOT NULL,
  project TEXT NOT NULL,          -- project code
  due_on TEXT NOT NULL,           -- current due day (a period is due on its last day)
  due_text TEXT NOT NULL,         -- current due as promised: 2021年底
  original_due_on TEXT NOT NULL,
  original_due_text TEXT NOT NULL,
  reschedules INTEGER NOT NULL DEFAULT 0,
  done_on TEXT,                   -- NULL while open
  created_on TEXT NOT NULL
);

-- Every dated status update, in the order recorded (id). subject is a project, parcel or
-- milestone code. A project's rows carry its whole status (stage and progress), so its state on
-- any day is its latest row by that day; the first row (新增) is the status it was entered with.
-- A milestone's rows are 改期 (new due in due_on/due_text) and 完成.
CREATE TABLE status_update (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  subject TEXT NOT NULL,
  action TEXT NOT NULL,           -- 新增, 更新, 改期, 完成
  stage TEXT,                     -- a project's stage, or a parcel's status
  progress INTEGER,
  due_on TEXT,
  due_text TEXT,
  note TEXT
);
