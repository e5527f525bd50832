-- Every fact is a dated entry (part 2 of 2): the new tables take the old ones' names, and the
-- derived state gets its tables.
--
-- A span is a subject's state over an interval of days, as known over an interval of commands:
--   valid_from .. valid_to        the days it held (valid_to NULL: still so), valid time;
--   recorded_from .. recorded_to  the commands that knew it (recorded_to NULL: known now),
--                                 transaction time, by the id of each command's first batch.
-- The spans with recorded_to NULL tile each subject's life: no gaps, no overlaps. A span is the
-- subject's entries folded in (effective day, id) order, cut at every day one of them takes
-- effect; the fold lives in one place (State/Fold.swift) and every write, undo, import,
-- migration, `rebuild` and `check` goes through it, in the same transaction as the entries.
-- `id` names a span row (SQLite's rowid; a serial elsewhere).
-- `last_entry` is the latest entry folded in, so a span's valid_from is its latest entry's day;
-- `note_entry` the latest one with a note.

DROP TABLE entry;
DROP TABLE figure;
DROP TABLE milestone;
DROP TABLE tenant;
DROP TABLE project;
DROP TABLE parcel;
DROP TABLE park;
ALTER TABLE park_next RENAME TO park;
ALTER TABLE parcel_next RENAME TO parcel;
ALTER TABLE project_next RENAME TO project;
ALTER TABLE tenant_next RENAME TO tenant;
ALTER TABLE milestone_next RENAME TO milestone;
ALTER TABLE figure_next RENAME TO figure;
ALTER TABLE entry_next RENAME TO entry;

CREATE INDEX project_code_nocase ON project(code COLLATE NOCASE);
CREATE INDEX parcel_code_nocase ON parcel(code COLLATE NOCASE);
CREATE INDEX park_code_nocase ON park(code COLLATE NOCASE);
CREATE INDEX tenant_code_nocase ON tenant(code COLLATE NOCASE);
CREATE INDEX milestone_code_nocase ON milestone(code COLLATE NOCASE);
CREATE INDEX figure_key ON figure(key, period_to);
CREATE INDEX figure_park ON figure(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX figure_batch ON figure(batch_id);

CREATE INDEX entry_project ON entry(project_id, effective_on) WHERE project_id IS NOT NULL;
CREATE INDEX entry_parcel ON entry(parcel_id, effective_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX entry_park ON entry(park_id, effective_on) WHERE park_id IS NOT NULL;
CREATE INDEX entry_tenant ON entry(tenant_id, effective_on) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_milestone ON entry(milestone_id, effective_on) WHERE milestone_id IS NOT NULL;
CREATE INDEX entry_effective ON entry(effective_on);
CREATE INDEX entry_batch ON entry(batch_id);
CREATE INDEX entry_void_batch ON entry_void(batch_id);
CREATE INDEX figure_void_batch ON figure_void(batch_id);

CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;

CREATE VIEW live_entry AS
    SELECT * FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = entry.id);
CREATE VIEW live_figure AS
    SELECT * FROM figure WHERE NOT EXISTS (SELECT 1 FROM figure_void v WHERE v.figure_id = figure.id);

CREATE TABLE project_span (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project(id),
    valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to AND valid_from < valid_to),
    recorded_from INTEGER NOT NULL REFERENCES batch(id),
    recorded_to INTEGER REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry INTEGER NOT NULL REFERENCES entry(id),
    note_entry INTEGER REFERENCES entry(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    stage TEXT NOT NULL,
    progress INTEGER,
    investment_yuan INTEGER,
    park_id INTEGER REFERENCES park(id),
    parcel_id INTEGER REFERENCES parcel(id),
    provincial_major INTEGER NOT NULL CHECK ((provincial_major = 0 OR provincial_major = 1)),
    registered INTEGER NOT NULL CHECK ((registered = 0 OR registered = 1)),
    department TEXT,
    planned_start TEXT,
    planned_completion TEXT
) STRICT;
CREATE UNIQUE INDEX project_span_now ON project_span(project_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX project_span_history ON project_span(project_id, recorded_from);
CREATE INDEX project_span_latest ON project_span(project_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX project_span_name ON project_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX project_span_parcel ON project_span(parcel_id) WHERE parcel_id IS NOT NULL;

CREATE TABLE parcel_span (
    id INTEGER PRIMARY KEY,
    parcel_id INTEGER NOT NULL REFERENCES parcel(id),
    valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to AND valid_from < valid_to),
    recorded_from INTEGER NOT NULL REFERENCES batch(id),
    recorded_to INTEGER REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry INTEGER NOT NULL REFERENCES entry(id),
    note_entry INTEGER REFERENCES entry(id),
    name TEXT NOT NULL,
    area_mu_hundredths INTEGER NOT NULL,
    land_use TEXT,
    status TEXT NOT NULL,
    status_since TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX parcel_span_now ON parcel_span(parcel_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX parcel_span_history ON parcel_span(parcel_id, recorded_from);
CREATE INDEX parcel_span_latest ON parcel_span(parcel_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX parcel_span_name ON parcel_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;

CREATE TABLE park_span (
    id INTEGER PRIMARY KEY,
    park_id INTEGER NOT NULL REFERENCES park(id),
    valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to AND valid_from < valid_to),
    recorded_from INTEGER NOT NULL REFERENCES batch(id),
    recorded_to INTEGER REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry INTEGER NOT NULL REFERENCES entry(id),
    note_entry INTEGER REFERENCES entry(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    area_mu_hundredths INTEGER,
    area_approximate INTEGER NOT NULL CHECK ((area_approximate = 0 OR area_approximate = 1)),
    plot_ratio_hundredths INTEGER,
    floor_area_m2 INTEGER,
    investment_yuan INTEGER,
    expected_output_yuan INTEGER,
    expected_tax_yuan INTEGER,
    buildings INTEGER,
    industries TEXT
) STRICT;
CREATE UNIQUE INDEX park_span_now ON park_span(park_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX park_span_history ON park_span(park_id, recorded_from);
CREATE INDEX park_span_latest ON park_span(park_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX park_span_name ON park_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;

CREATE TABLE tenant_span (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenant(id),
    valid_from TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to AND valid_from < valid_to),
    recorded_from INTEGER NOT NULL REFERENCES batch(id),
    recorded_to INTEGER REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry INTEGER NOT NULL REFERENCES entry(id),
    note_entry INTEGER REFERENCES entry(id),
    name TEXT NOT NULL,
    park_id INTEGER NOT NULL REFERENCES park(id),
    status TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX tenant_span_now ON tenant_span(tenant_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX tenant_span_history ON tenant_span(tenant_id, recorded_from);
CREATE INDEX tenant_span_latest ON tenant_span(tenant_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX tenant_span_name ON tenant_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX tenant_span_park ON tenant_span(park_id);

-- A milestone's state: open, done or cancelled; its due date as moved by reschedules, the due
-- date first promised, and how often it moved.
CREATE TABLE milestone_span (
    id INTEGER PRIMARY KEY,
    milestone_id INTEGER NOT NULL REFERENCES milestone(id),
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
    state TEXT NOT NULL CHECK ((state = 'open' OR state = 'done' OR state = 'cancelled')),
    closed_on TEXT,
    due_on TEXT NOT NULL,
    due_text TEXT NOT NULL,
    due_precision TEXT NOT NULL,
    original_due_on TEXT NOT NULL,
    original_due_text TEXT NOT NULL,
    reschedules INTEGER NOT NULL CHECK (reschedules >= 0),
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL) + (tenant_id IS NOT NULL) = 1),
    CHECK ((state = 'open') = (closed_on IS NULL))
) STRICT;
CREATE UNIQUE INDEX milestone_span_now ON milestone_span(milestone_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX milestone_span_history ON milestone_span(milestone_id, recorded_from);
CREATE INDEX milestone_span_latest ON milestone_span(milestone_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
-- Overdue today reads only its answer: the open milestones as they stand, by due day.
CREATE INDEX milestone_span_open_now ON milestone_span(due_on) WHERE recorded_to IS NULL AND valid_to IS NULL AND state = 'open';
-- Overdue on a past day: open spans by due day, with the days they held to filter in the index.
CREATE INDEX milestone_span_open ON milestone_span(due_on, valid_from, valid_to) WHERE recorded_to IS NULL AND state = 'open';
-- The month's milestones (due in it, whatever their state) and those done in it; every version,
-- so that a sheet as recorded at a past moment reads a range too (and so does overdue as recorded,
-- through the first).
CREATE INDEX milestone_span_due ON milestone_span(due_on, valid_from, valid_to);
CREATE INDEX milestone_span_closed ON milestone_span(closed_on, valid_from, valid_to) WHERE state = 'done';
-- A subject's milestones, and its next open one (every version, so that a report as recorded at
-- a past moment finds them too).
CREATE INDEX milestone_span_project ON milestone_span(project_id, due_on) WHERE project_id IS NOT NULL;
CREATE INDEX milestone_span_parcel ON milestone_span(parcel_id, due_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX milestone_span_park ON milestone_span(park_id, due_on) WHERE park_id IS NOT NULL;
CREATE INDEX milestone_span_tenant ON milestone_span(tenant_id, due_on) WHERE tenant_id IS NOT NULL;
