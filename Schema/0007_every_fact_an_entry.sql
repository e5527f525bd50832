-- Every fact is a dated entry (part 1 of 2).
-- Until now names, kinds, amounts, links and planned dates lived on the subject's row and were
-- edited in place, each edit keeping its old and new values as JSON text; every report had to undo
-- later edits field by field. From here on an entry carries, in typed columns, every field it sets,
-- and the rows keep only what never changes (id, code, the creating command, the report's words).
-- The state of a subject on a day is its entries folded in (effective day, id) order; the derived
-- state is kept as spans (0008).
--
-- This file makes the new tables beside the old ones. Right after it, in the same transaction, the
-- program (Ledger/LegacyConversion.swift) fills them from the old ones: an add entry takes the
-- values the subject had when it was added (the old value of its first later edit, else the
-- row's), an edit entry the new values it recorded; ids, batches and voids carry over. 0008 then
-- drops the old tables.

DROP VIEW live_entry;
DROP VIEW live_figure;
DROP TRIGGER entry_no_update;
DROP TRIGGER entry_no_delete;

CREATE TABLE project_next (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT
) STRICT;

CREATE TABLE parcel_next (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT
) STRICT;

CREATE TABLE park_next (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT
) STRICT;

CREATE TABLE tenant_next (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT
) STRICT;

CREATE TABLE milestone_next (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT
) STRICT;

-- A figure is a dated fact too: `known_on` is the day it became known (its effective day), apart
-- from the period it is about. A sheet as of a day shows only the figures known by then.
CREATE TABLE figure_next (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    category TEXT NOT NULL CHECK ((category = 'target' OR category = 'reported' OR category = 'indicator')),
    metric TEXT NOT NULL CHECK (length(trim(metric)) BETWEEN 1 AND 200),
    key TEXT CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
    park_id INTEGER REFERENCES park_next(id),
    period_from TEXT NOT NULL CHECK (date(period_from) IS period_from),
    period_to TEXT NOT NULL CHECK (date(period_to) IS period_to),
    known_on TEXT NOT NULL CHECK (date(known_on) IS known_on),
    value TEXT NOT NULL CHECK (value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*' AND value NOT GLOB '*.*.*' AND value NOT GLOB '*.'),
    unit TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK ((approximate = 0 OR approximate = 1)),
    yoy_percent TEXT CHECK (yoy_percent GLOB '[0-9-]*' AND substr(yoy_percent, 2) NOT GLOB '*[^0-9.]*'),
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT,
    CHECK (period_from <= period_to)
) STRICT;

-- The history. Append-only. One entry is about exactly one subject and sets only the fields it
-- names (a NULL column is a field it leaves alone). An empty text ('') clears an optional text
-- field. Links to other subjects are the set_* columns: a project's park and parcel, a tenant's
-- park, a milestone's subject. Effective day and id order the entries; nothing else does.
CREATE TABLE entry_next (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    effective_on TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    action TEXT NOT NULL CHECK ((action = 'add' OR action = 'update' OR action = 'edit' OR action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen')),
    project_id INTEGER REFERENCES project_next(id),
    parcel_id INTEGER REFERENCES parcel_next(id),
    park_id INTEGER REFERENCES park_next(id),
    tenant_id INTEGER REFERENCES tenant_next(id),
    milestone_id INTEGER REFERENCES milestone_next(id),
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
    set_project_id INTEGER REFERENCES project_next(id),
    set_parcel_id INTEGER REFERENCES parcel_next(id),
    set_park_id INTEGER REFERENCES park_next(id),
    set_tenant_id INTEGER REFERENCES tenant_next(id),
    stage TEXT CHECK ((stage = 'planning' OR stage = 'preliminary' OR stage = 'started' OR stage = 'construction' OR stage = 'topped-out' OR stage = 'completed' OR stage = 'operating')),
    progress INTEGER CHECK (progress BETWEEN 0 AND 100),
    parcel_status TEXT CHECK ((parcel_status = 'planned' OR parcel_status = 'listed' OR parcel_status = 'sold' OR parcel_status = 'construction' OR parcel_status = 'completed' OR parcel_status = 'idle' OR parcel_status = 'reclaimed' OR parcel_status = 'auction')),
    tenant_status TEXT CHECK ((tenant_status = 'signed' OR tenant_status = 'construction' OR tenant_status = 'topped-out' OR tenant_status = 'moved-in' OR tenant_status = 'producing' OR tenant_status = 'exited')),
    due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    due_text TEXT CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    correction INTEGER NOT NULL DEFAULT 0 CHECK ((correction = 0 OR correction = 1)),
    note TEXT CHECK (length(note) <= 2000),
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL)
         + (tenant_id IS NOT NULL) + (milestone_id IS NOT NULL) = 1),
    -- Each field belongs to the kinds that have it.
    CHECK (name IS NULL OR milestone_id IS NULL),
    CHECK (title IS NULL OR milestone_id IS NOT NULL),
    CHECK (project_kind IS NULL AND stage IS NULL AND progress IS NULL AND provincial_major IS NULL AND registered IS NULL
           AND planned_start IS NULL AND planned_completion IS NULL OR project_id IS NOT NULL),
    CHECK (park_kind IS NULL AND expected_output_yuan IS NULL AND expected_tax_yuan IS NULL AND area_approximate IS NULL
           AND plot_ratio_hundredths IS NULL AND floor_area_m2 IS NULL AND buildings IS NULL AND industries IS NULL OR park_id IS NOT NULL),
    CHECK (investment_yuan IS NULL OR project_id IS NOT NULL OR park_id IS NOT NULL),
    CHECK (area_mu_hundredths IS NULL OR parcel_id IS NOT NULL OR park_id IS NOT NULL),
    CHECK (land_use IS NULL AND parcel_status IS NULL OR parcel_id IS NOT NULL),
    CHECK (tenant_status IS NULL OR tenant_id IS NOT NULL),
    CHECK (department IS NULL OR project_id IS NOT NULL OR milestone_id IS NOT NULL),
    CHECK (set_project_id IS NULL AND set_tenant_id IS NULL OR milestone_id IS NOT NULL),
    CHECK (set_parcel_id IS NULL OR project_id IS NOT NULL OR milestone_id IS NOT NULL),
    CHECK (set_park_id IS NULL OR project_id IS NOT NULL OR tenant_id IS NOT NULL OR milestone_id IS NOT NULL),
    CHECK (milestone_id IS NULL OR (set_project_id IS NOT NULL) + (set_parcel_id IS NOT NULL) + (set_park_id IS NOT NULL) + (set_tenant_id IS NOT NULL) <= 1),
    -- An add states the subject whole.
    CHECK (action <> 'add' OR project_id IS NULL OR (name IS NOT NULL AND project_kind IS NOT NULL AND stage IS NOT NULL)),
    CHECK (action <> 'add' OR parcel_id IS NULL OR (name IS NOT NULL AND area_mu_hundredths IS NOT NULL AND parcel_status IS NOT NULL)),
    CHECK (action <> 'add' OR park_id IS NULL OR (name IS NOT NULL AND park_kind IS NOT NULL)),
    CHECK (action <> 'add' OR tenant_id IS NULL OR (name IS NOT NULL AND set_park_id IS NOT NULL AND tenant_status IS NOT NULL)),
    CHECK (action <> 'add' OR milestone_id IS NULL OR (title IS NOT NULL
           AND (set_project_id IS NOT NULL) + (set_parcel_id IS NOT NULL) + (set_park_id IS NOT NULL) + (set_tenant_id IS NOT NULL) = 1)),
    CHECK (NOT (action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen') OR milestone_id IS NOT NULL),
    -- A due date comes with a milestone's add and with a reschedule, and only then.
    CHECK ((action = 'reschedule' OR action = 'add' AND milestone_id IS NOT NULL) = (due_on IS NOT NULL)),
    CHECK (NOT (action = 'reschedule' OR action = 'cancel') OR length(trim(note)) > 0),
    CHECK ((due_on IS NULL) = (due_text IS NULL) AND (due_on IS NULL) = (due_precision IS NULL))
) STRICT;
