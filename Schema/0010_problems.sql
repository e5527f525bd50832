-- Problems to coordinate (存在问题 / 需协调解决问题): a subject of their own, with a code (W1,
-- W2…, 问), a description, the project (or parcel, park, tenant) they hold up, the unit and the
-- leader who answer for them, and a deadline that may be left open. Raised, edited, resolved
-- (action 'done', with how) and reopened by dated entries like everything else; their state on a
-- day is kept as spans (problem_span), folded by the same rule (State/Fold.swift).
--
-- An entry names exactly one subject, and its CHECKs say which fields each kind may set; SQLite
-- cannot change a CHECK in place, so the entry table is rebuilt with problem_id among the
-- subjects (ids, rows and order unchanged), following SQLite's procedure for other schema
-- changes: new table, copy, drop, rename, then its indexes, triggers and view again.

CREATE TABLE problem (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT
) STRICT;
CREATE INDEX problem_code_nocase ON problem(code COLLATE NOCASE);

DROP VIEW live_entry;
DROP TRIGGER entry_no_update;
DROP TRIGGER entry_no_delete;

CREATE TABLE entry_next (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    effective_on TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    action TEXT NOT NULL CHECK ((action = 'add' OR action = 'update' OR action = 'edit' OR action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen')),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    milestone_id INTEGER REFERENCES milestone(id),
    name TEXT CHECK (length(trim(name)) BETWEEN 1 AND 200),
    title TEXT CHECK (length(trim(title)) BETWEEN 1 AND 200),
    project_kind TEXT CHECK ((project_kind = 'industrial' OR project_kind = 'infrastructure' OR project_kind = 'social' OR project_kind = 'commercial' OR project_kind = 'platform')),
    park_kind TEXT CHECK ((park_kind = 'micro-park' OR park_kind = 'town' OR park_kind = 'high-tech-zone' OR park_kind = 'platform' OR park_kind = 'startup-park')),
    investment_yuan INTEGER CHECK (investment_yuan > 0),
    expected_output_yuan INTEGER CHECK (expected_output_yuan > 0),
    expected_tax_yuan INTEGER CHECK (expected_tax_yuan > 0),
    area_mu_hundredths INTEGER CHECK (area_mu_hundredths > 0),
    area_approximate INTEGER CHECK ((area_approximate = 0 OR area_approximate = 1)),
    plot_ratio_hundredths INTEGER CHECK (plot_ratio_hundredths > 0),
    floor_area_m2 INTEGER CHECK (floor_area_m2 > 0),
    buildings INTEGER CHECK (buildings > 0),
    industries TEXT CHECK (length(industries) <= 500),
    land_use TEXT CHECK (length(land_use) <= 100),
    department TEXT CHECK (length(department) <= 100),
    provincial_major INTEGER CHECK ((provincial_major = 0 OR provincial_major = 1)),
    registered INTEGER CHECK ((registered = 0 OR registered = 1)),
    planned_start TEXT CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
    planned_completion TEXT CHECK (planned_completion IS NULL OR date(planned_completion) IS planned_completion),
    set_project_id INTEGER REFERENCES project(id),
    set_parcel_id INTEGER REFERENCES parcel(id),
    set_park_id INTEGER REFERENCES park(id),
    set_tenant_id INTEGER REFERENCES tenant(id),
    stage TEXT CHECK ((stage = 'planning' OR stage = 'preliminary' OR stage = 'started' OR stage = 'construction' OR stage = 'topped-out' OR stage = 'completed' OR stage = 'operating')),
    progress INTEGER CHECK (progress BETWEEN 0 AND 100),
    parcel_status TEXT CHECK ((parcel_status = 'planned' OR parcel_status = 'listed' OR parcel_status = 'sold' OR parcel_status = 'construction' OR parcel_status = 'completed' OR parcel_status = 'idle' OR parcel_status = 'reclaimed' OR parcel_status = 'auction')),
    tenant_status TEXT CHECK ((tenant_status = 'signed' OR tenant_status = 'construction' OR tenant_status = 'topped-out' OR tenant_status = 'moved-in' OR tenant_status = 'producing' OR tenant_status = 'exited')),
    due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    due_text TEXT CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    correction INTEGER NOT NULL DEFAULT 0 CHECK ((correction = 0 OR correction = 1)),
    note TEXT CHECK (length(note) <= 2000),
    owner TEXT CHECK (owner IS NULL OR length(owner) <= 100 AND project_id IS NOT NULL),
    leader TEXT CHECK (leader IS NULL OR length(leader) <= 100 AND (project_id IS NOT NULL OR problem_id IS NOT NULL)),
    scope TEXT CHECK (scope IS NULL OR length(scope) <= 500 AND project_id IS NOT NULL),
    invested_month_yuan INTEGER CHECK (invested_month_yuan IS NULL OR invested_month_yuan >= 0 AND project_id IS NOT NULL AND action = 'update'),
    invested_ytd_yuan INTEGER CHECK (invested_ytd_yuan IS NULL OR invested_ytd_yuan >= 0 AND project_id IS NOT NULL AND action = 'update'),
    invested_total_yuan INTEGER CHECK (invested_total_yuan IS NULL OR invested_total_yuan >= 0 AND project_id IS NOT NULL AND action = 'update'),
    plan_year INTEGER CHECK (plan_year IS NULL OR plan_year BETWEEN 1990 AND 2200 AND project_id IS NOT NULL AND action = 'update'),
    plan_investment_yuan INTEGER CHECK (plan_investment_yuan IS NULL OR plan_investment_yuan >= 0 AND plan_year IS NOT NULL),
    plan_image TEXT CHECK (plan_image IS NULL OR length(plan_image) <= 500 AND plan_investment_yuan IS NOT NULL),
    problem_id INTEGER REFERENCES problem(id),
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL)
         + (tenant_id IS NOT NULL) + (milestone_id IS NOT NULL) + (problem_id IS NOT NULL) = 1),
    -- Each field belongs to the kinds that have it.
    CHECK (name IS NULL OR milestone_id IS NULL AND problem_id IS NULL),
    CHECK (title IS NULL OR milestone_id IS NOT NULL OR problem_id IS NOT NULL),
    CHECK (project_kind IS NULL AND stage IS NULL AND progress IS NULL AND provincial_major IS NULL AND registered IS NULL
           AND planned_start IS NULL AND planned_completion IS NULL OR project_id IS NOT NULL),
    CHECK (park_kind IS NULL AND expected_output_yuan IS NULL AND expected_tax_yuan IS NULL AND area_approximate IS NULL
           AND plot_ratio_hundredths IS NULL AND floor_area_m2 IS NULL AND buildings IS NULL AND industries IS NULL OR park_id IS NOT NULL),
    CHECK (investment_yuan IS NULL OR project_id IS NOT NULL OR park_id IS NOT NULL),
    CHECK (area_mu_hundredths IS NULL OR parcel_id IS NOT NULL OR park_id IS NOT NULL),
    CHECK (land_use IS NULL AND parcel_status IS NULL OR parcel_id IS NOT NULL),
    CHECK (tenant_status IS NULL OR tenant_id IS NOT NULL),
    CHECK (department IS NULL OR project_id IS NOT NULL OR milestone_id IS NOT NULL OR problem_id IS NOT NULL),
    CHECK (set_project_id IS NULL AND set_tenant_id IS NULL OR milestone_id IS NOT NULL OR problem_id IS NOT NULL),
    CHECK (set_parcel_id IS NULL OR project_id IS NOT NULL OR milestone_id IS NOT NULL OR problem_id IS NOT NULL),
    CHECK (set_park_id IS NULL OR project_id IS NOT NULL OR tenant_id IS NOT NULL OR milestone_id IS NOT NULL OR problem_id IS NOT NULL),
    CHECK (milestone_id IS NULL AND problem_id IS NULL
           OR (set_project_id IS NOT NULL) + (set_parcel_id IS NOT NULL) + (set_park_id IS NOT NULL) + (set_tenant_id IS NOT NULL) <= 1),
    -- An add states the subject whole.
    CHECK (action <> 'add' OR project_id IS NULL OR (name IS NOT NULL AND project_kind IS NOT NULL AND stage IS NOT NULL)),
    CHECK (action <> 'add' OR parcel_id IS NULL OR (name IS NOT NULL AND area_mu_hundredths IS NOT NULL AND parcel_status IS NOT NULL)),
    CHECK (action <> 'add' OR park_id IS NULL OR (name IS NOT NULL AND park_kind IS NOT NULL)),
    CHECK (action <> 'add' OR tenant_id IS NULL OR (name IS NOT NULL AND set_park_id IS NOT NULL AND tenant_status IS NOT NULL)),
    CHECK (action <> 'add' OR milestone_id IS NULL AND problem_id IS NULL OR (title IS NOT NULL
           AND (set_project_id IS NOT NULL) + (set_parcel_id IS NOT NULL) + (set_park_id IS NOT NULL) + (set_tenant_id IS NOT NULL) = 1)),
    CHECK (NOT (action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen') OR milestone_id IS NOT NULL
           OR problem_id IS NOT NULL AND (action = 'done' OR action = 'reopen')),
    -- A milestone's due date comes with its add and with a reschedule, and only then; a
    -- problem's deadline may come with its add or an edit, or never.
    CHECK (problem_id IS NOT NULL AND (due_on IS NULL OR action = 'add' OR action = 'edit')
           OR problem_id IS NULL AND (action = 'reschedule' OR action = 'add' AND milestone_id IS NOT NULL) = (due_on IS NOT NULL)),
    CHECK (NOT (action = 'reschedule' OR action = 'cancel') OR length(trim(note)) > 0),
    -- A problem is resolved by saying how.
    CHECK (problem_id IS NULL OR action <> 'done' OR length(trim(note)) > 0),
    CHECK ((due_on IS NULL) = (due_text IS NULL) AND (due_on IS NULL) = (due_precision IS NULL))
) STRICT;

INSERT INTO entry_next SELECT *, NULL FROM entry;
DROP TABLE entry;
ALTER TABLE entry_next RENAME TO entry;

CREATE INDEX entry_project ON entry(project_id, effective_on) WHERE project_id IS NOT NULL;
CREATE INDEX entry_parcel ON entry(parcel_id, effective_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX entry_park ON entry(park_id, effective_on) WHERE park_id IS NOT NULL;
CREATE INDEX entry_tenant ON entry(tenant_id, effective_on) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_milestone ON entry(milestone_id, effective_on) WHERE milestone_id IS NOT NULL;
CREATE INDEX entry_problem ON entry(problem_id, effective_on) WHERE problem_id IS NOT NULL;
CREATE INDEX entry_effective ON entry(effective_on);
CREATE INDEX entry_batch ON entry(batch_id);
CREATE INDEX entry_investment ON entry(project_id, effective_on)
    WHERE invested_month_yuan IS NOT NULL OR invested_ytd_yuan IS NOT NULL OR invested_total_yuan IS NOT NULL OR plan_year IS NOT NULL;

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE VIEW live_entry AS
    SELECT * FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = entry.id);

-- A problem's state: open or resolved (closed_on the day it was), raised_on the day it was
-- first recorded, its deadline if it has one.
CREATE TABLE problem_span (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problem(id),
    valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to AND valid_from < valid_to),
    recorded_from INTEGER NOT NULL REFERENCES batch(id),
    recorded_to INTEGER REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry INTEGER NOT NULL REFERENCES entry(id),
    note_entry INTEGER REFERENCES entry(id),
    title TEXT NOT NULL,
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    department TEXT,
    leader TEXT,
    state TEXT NOT NULL CHECK ((state = 'open' OR state = 'resolved')),
    raised_on TEXT NOT NULL CHECK (date(raised_on) IS raised_on),
    closed_on TEXT,
    due_on TEXT,
    due_text TEXT,
    due_precision TEXT,
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL) + (tenant_id IS NOT NULL) = 1),
    CHECK ((state = 'open') = (closed_on IS NULL))
) STRICT;
CREATE UNIQUE INDEX problem_span_now ON problem_span(problem_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX problem_span_history ON problem_span(problem_id, recorded_from);
CREATE INDEX problem_span_latest ON problem_span(problem_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX problem_span_project ON problem_span(project_id) WHERE project_id IS NOT NULL;
-- The sheet and overdue read the open problems, and those resolved since a day: never all of them.
CREATE INDEX problem_span_state ON problem_span(state, closed_on, valid_from);
