-- zoneledger schema, version 1.
-- Shipped migrations are never edited: a change is a new numbered file.
-- Quantities are integers in fixed units so that sums are exact:
--   areas in hundredths of a 亩 (144.73 亩 = 14473), floor areas in m²,
--   money in yuan, plot ratios in hundredths (2.6 = 260), progress in whole %.
-- Reported figures keep the report's own decimal text ("34.36"), since they are
-- shown as reported and never summed.
-- Dates are ISO days ('2021-02-11'); the CHECKs below refuse anything else.

-- The zone: one row. Its name stays the report's anonymised one until set.
CREATE TABLE zone (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    report_day TEXT CHECK (report_day IS NULL OR date(report_day) IS report_day)
) STRICT;

-- One command that wrote: every entry belongs to exactly one batch.
CREATE TABLE batch (
    id INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    author TEXT NOT NULL CHECK (length(author) BETWEEN 1 AND 100),
    command TEXT NOT NULL CHECK (length(command) BETWEEN 1 AND 100)
) STRICT;

CREATE TABLE park (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('micro-park', 'town', 'high-tech-zone', 'platform', 'startup-park')),
    area_mu_hundredths INTEGER CHECK (area_mu_hundredths > 0),
    area_approximate INTEGER NOT NULL DEFAULT 0 CHECK (area_approximate IN (0, 1)),
    plot_ratio_hundredths INTEGER CHECK (plot_ratio_hundredths > 0),
    floor_area_m2 INTEGER CHECK (floor_area_m2 > 0),
    investment_yuan INTEGER CHECK (investment_yuan > 0),
    expected_output_yuan INTEGER CHECK (expected_output_yuan > 0),
    expected_tax_yuan INTEGER CHECK (expected_tax_yuan > 0),
    buildings INTEGER CHECK (buildings > 0),
    industries TEXT CHECK (length(industries) <= 500),
    quote TEXT
) STRICT;

CREATE TABLE parcel (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    area_mu_hundredths INTEGER NOT NULL CHECK (area_mu_hundredths > 0),
    land_use TEXT CHECK (length(land_use) <= 100),
    quote TEXT
) STRICT;

CREATE TABLE project (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('industrial', 'infrastructure', 'social', 'commercial', 'platform')),
    investment_yuan INTEGER CHECK (investment_yuan > 0),
    park_id INTEGER REFERENCES park(id),
    parcel_id INTEGER REFERENCES parcel(id),
    provincial_major INTEGER NOT NULL DEFAULT 0 CHECK (provincial_major IN (0, 1)),
    registered INTEGER NOT NULL DEFAULT 0 CHECK (registered IN (0, 1)),
    department TEXT CHECK (length(department) <= 100),
    planned_start TEXT CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
    planned_completion TEXT CHECK (planned_completion IS NULL OR date(planned_completion) IS planned_completion),
    quote TEXT,
    CHECK (planned_start IS NULL OR planned_completion IS NULL OR planned_start <= planned_completion)
) STRICT;

CREATE TABLE tenant (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    park_id INTEGER NOT NULL REFERENCES park(id),
    quote TEXT,
    UNIQUE (park_id, name)
) STRICT;

-- A promise with a due date, about exactly one subject.
-- due_* is the date as first promised; reschedules are entries, so slippage stays visible.
CREATE TABLE milestone (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    due_on TEXT NOT NULL CHECK (date(due_on) IS due_on),
    due_text TEXT NOT NULL CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT NOT NULL CHECK (due_precision IN ('day', 'xun', 'month', 'quarter', 'half', 'season', 'year', 'festival')),
    department TEXT CHECK (length(department) <= 100),
    quote TEXT,
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL) + (tenant_id IS NOT NULL) = 1)
) STRICT;

-- The history. Append-only: nothing here is updated or deleted, and the current
-- state of every subject is derived from its entries effective on or before a day.
CREATE TABLE entry (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    effective_on TEXT NOT NULL CHECK (date(effective_on) IS effective_on),
    action TEXT NOT NULL CHECK (action IN ('add', 'update', 'edit', 'done', 'reschedule', 'cancel', 'reopen')),
    project_id INTEGER REFERENCES project(id),
    parcel_id INTEGER REFERENCES parcel(id),
    park_id INTEGER REFERENCES park(id),
    tenant_id INTEGER REFERENCES tenant(id),
    milestone_id INTEGER REFERENCES milestone(id),
    stage TEXT CHECK (stage IN ('planning', 'preliminary', 'started', 'construction', 'topped-out', 'completed', 'operating')),
    progress INTEGER CHECK (progress BETWEEN 0 AND 100),
    parcel_status TEXT CHECK (parcel_status IN ('planned', 'listed', 'sold', 'construction', 'completed', 'idle', 'reclaimed', 'auction')),
    tenant_status TEXT CHECK (tenant_status IN ('signed', 'construction', 'topped-out', 'moved-in', 'producing', 'exited')),
    due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    due_text TEXT CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT CHECK (due_precision IN ('day', 'xun', 'month', 'quarter', 'half', 'season', 'year', 'festival')),
    correction INTEGER NOT NULL DEFAULT 0 CHECK (correction IN (0, 1)),
    note TEXT CHECK (length(note) <= 2000),
    changes TEXT CHECK (changes IS NULL OR json_valid(changes)),
    CHECK ((project_id IS NOT NULL) + (parcel_id IS NOT NULL) + (park_id IS NOT NULL)
         + (tenant_id IS NOT NULL) + (milestone_id IS NOT NULL) = 1),
    CHECK (stage IS NULL AND progress IS NULL OR project_id IS NOT NULL),
    CHECK (parcel_status IS NULL OR parcel_id IS NOT NULL),
    CHECK (tenant_status IS NULL OR tenant_id IS NOT NULL),
    CHECK (action NOT IN ('done', 'reschedule', 'cancel', 'reopen') OR milestone_id IS NOT NULL),
    CHECK ((action = 'reschedule') = (due_on IS NOT NULL)),
    CHECK (action NOT IN ('reschedule', 'cancel') OR length(trim(note)) > 0),
    CHECK ((due_on IS NULL) = (due_text IS NULL) AND (due_on IS NULL) = (due_precision IS NULL))
) STRICT;

CREATE INDEX entry_project ON entry(project_id, effective_on) WHERE project_id IS NOT NULL;
CREATE INDEX entry_parcel ON entry(parcel_id, effective_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX entry_park ON entry(park_id, effective_on) WHERE park_id IS NOT NULL;
CREATE INDEX entry_tenant ON entry(tenant_id, effective_on) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_milestone ON entry(milestone_id, effective_on) WHERE milestone_id IS NOT NULL;
CREATE INDEX entry_effective ON entry(effective_on);
CREATE INDEX entry_batch ON entry(batch_id);
CREATE INDEX project_park ON project(park_id);
CREATE INDEX tenant_park ON tenant(park_id);
CREATE INDEX milestone_due ON milestone(due_on);

-- The history is append-only; the database says so too.
CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;

-- Targets, aggregate figures the report counts but does not itemise, and economic
-- indicators. Scope is the zone unless a park is named.
CREATE TABLE figure (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    category TEXT NOT NULL CHECK (category IN ('target', 'reported', 'indicator')),
    metric TEXT NOT NULL CHECK (length(trim(metric)) BETWEEN 1 AND 200),
    key TEXT CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
    park_id INTEGER REFERENCES park(id),
    period_from TEXT NOT NULL CHECK (date(period_from) IS period_from),
    period_to TEXT NOT NULL CHECK (date(period_to) IS period_to),
    value TEXT NOT NULL CHECK (value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*' AND value NOT GLOB '*.*.*' AND value NOT GLOB '*.'),
    unit TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    yoy_percent TEXT CHECK (yoy_percent GLOB '[0-9-]*' AND substr(yoy_percent, 2) NOT GLOB '*[^0-9.]*'),
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    quote TEXT,
    CHECK (period_from <= period_to)
) STRICT;
CREATE INDEX figure_key ON figure(key, period_to);
