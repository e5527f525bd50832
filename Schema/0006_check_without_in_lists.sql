-- The same tables, their CHECKs written as OR chains instead of IN lists. SQLite evaluates a
-- CHECK's `x IN ('a', 'b', …)` by building a temporary index on every insert: an entry insert took
-- four times as long as with `x = 'a' OR x = 'b' …`, which means exactly the same (measured:
-- 200,000 inserts into a table with two such CHECKs, 2.0 s against 0.46 s). Rows, ids, indexes,
-- triggers and views are kept; only the CHECK text changes. Shipped migrations are never edited,
-- so the three big tables are rebuilt here (SQLite's documented way to change a constraint).

DROP VIEW live_entry;
DROP TRIGGER entry_no_update;
DROP TRIGGER entry_no_delete;

CREATE TABLE project_new (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK ((kind = 'industrial' OR kind = 'infrastructure' OR kind = 'social' OR kind = 'commercial' OR kind = 'platform')),
    investment_yuan INTEGER CHECK (investment_yuan > 0),
    park_id INTEGER REFERENCES park(id),
    parcel_id INTEGER REFERENCES parcel(id),
    provincial_major INTEGER NOT NULL DEFAULT 0 CHECK ((provincial_major = 0 OR provincial_major = 1)),
    registered INTEGER NOT NULL DEFAULT 0 CHECK ((registered = 0 OR registered = 1)),
    department TEXT CHECK (length(department) <= 100),
    planned_start TEXT CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
    planned_completion TEXT CHECK (planned_completion IS NULL OR date(planned_completion) IS planned_completion),
    quote TEXT,
    CHECK (planned_start IS NULL OR planned_completion IS NULL OR planned_start <= planned_completion)
) STRICT;
INSERT INTO project_new SELECT * FROM project;
DROP TABLE project;
ALTER TABLE project_new RENAME TO project;

CREATE TABLE milestone_new (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    due_on TEXT NOT NULL CHECK (date(due_on) IS due_on),
    due_text TEXT NOT NULL CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT NOT NULL CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    department TEXT CHECK (length(department) <= 100),
    quote TEXT,
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL) + (tenant_id IS NOT NULL) = 1)
) STRICT;
INSERT INTO milestone_new SELECT * FROM milestone;
DROP TABLE milestone;
ALTER TABLE milestone_new RENAME TO milestone;

CREATE TABLE entry_new (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    effective_on TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    action TEXT NOT NULL CHECK ((action = 'add' OR action = 'update' OR action = 'edit' OR action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen')),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    milestone_id INTEGER REFERENCES milestone(id),
    stage TEXT CHECK ((stage = 'planning' OR stage = 'preliminary' OR stage = 'started' OR stage = 'construction' OR stage = 'topped-out' OR stage = 'completed' OR stage = 'operating')),
    progress INTEGER CHECK (progress BETWEEN 0 AND 100),
    parcel_status TEXT CHECK ((parcel_status = 'planned' OR parcel_status = 'listed' OR parcel_status = 'sold' OR parcel_status = 'construction' OR parcel_status = 'completed' OR parcel_status = 'idle' OR parcel_status = 'reclaimed' OR parcel_status = 'auction')),
    tenant_status TEXT CHECK ((tenant_status = 'signed' OR tenant_status = 'construction' OR tenant_status = 'topped-out' OR tenant_status = 'moved-in' OR tenant_status = 'producing' OR tenant_status = 'exited')),
    due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    due_text TEXT CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    correction INTEGER NOT NULL DEFAULT 0 CHECK ((correction = 0 OR correction = 1)),
    note TEXT CHECK (length(note) <= 2000),
    changes TEXT CHECK (changes IS NULL OR json_valid(changes)),
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL)
         + (tenant_id IS NOT NULL) + (milestone_id IS NOT NULL) = 1),
    CHECK (stage IS NULL AND progress IS NULL OR project_id IS NOT NULL),
    CHECK (parcel_status IS NULL OR parcel_id IS NOT NULL),
    CHECK (tenant_status IS NULL OR tenant_id IS NOT NULL),
    CHECK (NOT (action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen') OR milestone_id IS NOT NULL),
    CHECK ((action = 'reschedule') = (due_on IS NOT NULL)),
    CHECK (NOT (action = 'reschedule' OR action = 'cancel') OR length(trim(note)) > 0),
    CHECK ((due_on IS NULL) = (due_text IS NULL) AND (due_on IS NULL) = (due_precision IS NULL))
) STRICT;
INSERT INTO entry_new SELECT * FROM entry;
DROP TABLE entry;
ALTER TABLE entry_new RENAME TO entry;

CREATE INDEX project_park ON project(park_id);
CREATE INDEX project_code_nocase ON project(code COLLATE NOCASE);
CREATE INDEX project_parcel ON project(parcel_id) WHERE parcel_id IS NOT NULL;

CREATE INDEX milestone_due ON milestone(due_on);
CREATE INDEX milestone_code_nocase ON milestone(code COLLATE NOCASE);
CREATE INDEX milestone_project ON milestone(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX milestone_parcel ON milestone(parcel_id) WHERE parcel_id IS NOT NULL;
CREATE INDEX milestone_park ON milestone(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX milestone_tenant ON milestone(tenant_id) WHERE tenant_id IS NOT NULL;

CREATE INDEX entry_project ON entry(project_id, effective_on) WHERE project_id IS NOT NULL;
CREATE INDEX entry_parcel ON entry(parcel_id, effective_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX entry_park ON entry(park_id, effective_on) WHERE park_id IS NOT NULL;
CREATE INDEX entry_tenant ON entry(tenant_id, effective_on) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_milestone ON entry(milestone_id, effective_on) WHERE milestone_id IS NOT NULL;
CREATE INDEX entry_effective ON entry(effective_on);
CREATE INDEX entry_batch ON entry(batch_id);
CREATE INDEX entry_reschedule ON entry(effective_on, milestone_id) WHERE action = 'reschedule';
CREATE INDEX entry_edit ON entry(effective_on) WHERE action = 'edit';

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;

CREATE VIEW live_entry AS
    SELECT * FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = entry.id);
