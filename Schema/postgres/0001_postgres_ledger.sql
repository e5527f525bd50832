-- zoneledger schema for PostgreSQL (15 and later), version 1.
--
-- A PostgreSQL ledger is new, so it starts at the shape the SQLite ledger has after Schema/0001
-- to 0010: the same tables, columns (in the same order, so that `SELECT *` and `INSERT … SELECT *`
-- read alike), views, indexes and constraints, under the same names, so that the core's SQL and
-- its error handling serve both stores. Shipped migrations are never edited: a change is a new
-- numbered file in this folder (and, for the same change, one in Schema/).
--
-- How SQLite's schema is translated, once for all below:
--
-- * INTEGER → BIGINT (SQLite's integers are 64-bit). Flags stay 0/1 integers with their CHECK, not
--   BOOLEAN, so that a row reads back the same from either store.
-- * TEXT → TEXT COLLATE "C". SQLite compares text byte by byte (BINARY); PostgreSQL compares by the
--   database's locale unless told otherwise, which changes every ORDER BY, min/max, range
--   condition and unique check on text. "C" compares bytes whatever the cluster's locale, and in
--   UTF-8 byte order is code point order, as in SQLite. `lower()` and `upper()` on a "C" value fold
--   ASCII letters only, as SQLite's do. length() counts characters in both.
-- * INTEGER PRIMARY KEY → BIGINT PRIMARY KEY, numbered like SQLite's rowid: a row inserted
--   without an id (or with a NULL id, which is how the core inserts new rows) takes the largest id
--   in the table plus one, inside the inserting transaction (the `*_next_id` triggers below). Not a
--   sequence or an identity column, because:
--     - the core writes `INSERT INTO batch (id, …) VALUES (NULL, …)`; an identity column refuses
--       an explicit NULL ("null value in column id violates not-null constraint");
--     - a sequence is not transactional: a refused command, a dry-run import or a bulk import that
--       falls back to the row path would leave gaps, so the ids `log`, `check` and `undo` show
--       would differ from SQLite's for the same commands; SQLite reuses the ids a rollback took back;
--     - the bulk import gives ids itself (the table's max(id) plus a rank), which would leave a
--       sequence behind and make the next ordinary insert collide.
--   So explicit ids (a copy of a ledger keeps its ids) need nothing afterwards: there is no
--   sequence to reset. Like SQLite's single writer, this needs one writer at a time: the store
--   takes a lock at the start of every write transaction (two writers computing the same max(id)
--   would otherwise fail with a unique violation).
-- * CHECKs keep their meaning; only SQLite-isms change:
--     date(x) IS x          → is_ledger_day(x): a real day written 'YYYY-MM-DD' (below);
--     x GLOB '…'            → x ~ '^…$' with the same meaning (a "C" value: ranges are bytes);
--     (a IS NOT NULL) + (b IS NOT NULL) … = 1   → num_nonnulls(a, b, …) = 1 (no boolean arithmetic);
--     (p) = (q) between comparisons is kept: PostgreSQL compares booleans with = as well.
--   A CHECK that is NULL passes in both, so the translations keep each NULL case.
-- * Foreign keys are checked at the end of each statement, as SQLite checks them with
--   foreign_keys = ON (the ledger always sets it).
-- * The append-only triggers raise SQLSTATE 23Z01 (class 23, integrity constraint violation, with
--   an implementation-defined subclass) carrying SQLite's own message, the trigger's name as the
--   constraint and the table: see append_only() below for how the store recognises it.
-- * Views are the same text. PostgreSQL expands `SELECT *` when a view is created, so a later
--   migration that adds a column to entry or figure must CREATE OR REPLACE the live_ view after it
--   (SQLite expands it at every use).
--
-- The migration runner records applied files itself (as GRDB's grdb_migrations does): this file
-- creates only the ledger's own objects, in the current schema.

-- Text lengths count characters only in a UTF-8 database; SQL_ASCII would count bytes.
DO $$
BEGIN
    IF pg_encoding_to_char((SELECT encoding FROM pg_database WHERE datname = current_database())) <> 'UTF8' THEN
        RAISE EXCEPTION 'a zoneledger ledger needs a UTF8 database, not %',
            pg_encoding_to_char((SELECT encoding FROM pg_database WHERE datname = current_database()));
    END IF;
END $$;

-- SQLite's `date(x) IS x`: x is a day written 'YYYY-MM-DD', year 0000-9999, a month that exists
-- and a day that the month has (proleptic Gregorian, as SQLite counts). Pure arithmetic, no
-- PostgreSQL date type (which has no year 0). NULL for NULL, so a CHECK on a NULL passes, as there.
-- Not declared STRICT, so that the planner inlines it into each CHECK: a call per row costs an
-- insert four times as much (measured: 100,000 rows, 2.0 s against 0.46 s).
-- (SQLite 3.40 itself lets day 29-31 of any month through this test, e.g. '2021-02-30', and
-- years written '-0001'; the ledger's own date parser refuses those before they reach SQL, and
-- here the schema refuses them too: the meaning the comment in Schema/0001 gives.)
CREATE FUNCTION is_ledger_day(day text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN day !~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' COLLATE "C" THEN false
        ELSE substr(day, 9, 2)::int <= CASE substr(day, 6, 2)
            WHEN '02' THEN CASE WHEN substr(day, 1, 4)::int % 4 = 0
                                 AND (substr(day, 1, 4)::int % 100 <> 0 OR substr(day, 1, 4)::int % 400 = 0) THEN 29 ELSE 28 END
            WHEN '04' THEN 30 WHEN '06' THEN 30 WHEN '09' THEN 30 WHEN '11' THEN 30
            ELSE 31 END
        END
$$;

-- SQLite's RAISE(ABORT, message) in a trigger: the statement fails, nothing of it is written.
-- SQLite reports SQLITE_CONSTRAINT_TRIGGER, which ErrorTranslation.swift turns into
-- "历史记录只能追加，不能修改或删除". Here: SQLSTATE 23Z01, the same message text (TG_ARGV[0]),
-- the trigger's name in the error's constraint field and the table in its table field. The store
-- maps SQLSTATE 23Z01 to that sentence (and, like SQLite's, the error is a constraint error:
-- class 23).
CREATE FUNCTION append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = '23Z01', CONSTRAINT = TG_NAME,
        TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA;
END $$;

-- Compatibility: SQLite's julianday(text), which the core calls once (Viewpoint.resolve, for
-- --as-recorded) to compare batch times written with different UTC offsets. No portable SQL
-- compares two such instants, and reading every batch into Swift to compare them there would be
-- worse. The same value as SQLite's: days since noon UTC, 4714-11-24 BC, a time without an offset
-- being UTC; NULL for NULL and for text that is not such a time (SQLite gives NULL there too,
-- where a cast would fail the whole statement).
CREATE FUNCTION julianday(instant text) RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET "TimeZone" = 'UTC' AS $$
    SELECT CASE WHEN instant ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$' COLLATE "C"
        THEN extract(epoch FROM instant::timestamptz)::double precision / 86400 + 2440587.5 END
$$;

-- The zone: one row. Its name stays the report's anonymised one until set.
CREATE TABLE zone (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    name TEXT COLLATE "C" NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
    report_day TEXT COLLATE "C" CHECK (report_day IS NULL OR is_ledger_day(report_day))
);

-- One command that wrote: every entry belongs to exactly one batch. A later batch may undo an
-- earlier one (undoes); one command's later batches point to its first (part_of).
CREATE TABLE batch (
    id BIGINT PRIMARY KEY,
    recorded_at TEXT COLLATE "C" NOT NULL,
    author TEXT COLLATE "C" NOT NULL CHECK (length(author) BETWEEN 1 AND 100),
    command TEXT COLLATE "C" NOT NULL CHECK (length(command) BETWEEN 1 AND 100),
    undoes BIGINT REFERENCES batch(id),
    part_of BIGINT REFERENCES batch(id)
);
CREATE UNIQUE INDEX batch_undoes ON batch(undoes) WHERE undoes IS NOT NULL;
CREATE INDEX batch_part_of ON batch(part_of) WHERE part_of IS NOT NULL;

-- The subjects' rows keep only what never changes; everything else is in their entries.
CREATE TABLE project (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C"
);
CREATE TABLE parcel (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C"
);
CREATE TABLE park (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C"
);
CREATE TABLE tenant (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C"
);
CREATE TABLE milestone (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C"
);
CREATE TABLE problem (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    created_batch BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C"
);

-- Codes are matched without regard to case, ASCII letters only (SQLite's NOCASE): p5 = P5.
-- SQLite indexes `code COLLATE NOCASE`; PostgreSQL has no such collation, so these index
-- lower(code), which on a "C" value folds ASCII letters only, and the store asks
-- `lower(code) = lower(? COLLATE "C")` (PostgresDialect rewrites `x = y COLLATE NOCASE` so).
CREATE INDEX project_code_nocase ON project (lower(code));
CREATE INDEX parcel_code_nocase ON parcel (lower(code));
CREATE INDEX park_code_nocase ON park (lower(code));
CREATE INDEX tenant_code_nocase ON tenant (lower(code));
CREATE INDEX milestone_code_nocase ON milestone (lower(code));
CREATE INDEX problem_code_nocase ON problem (lower(code));

-- Targets, aggregate figures the report counts but does not itemise, and economic indicators,
-- each a dated fact: known_on is the day it became known. Scope is the zone unless a park is named.
CREATE TABLE figure (
    id BIGINT PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    category TEXT COLLATE "C" NOT NULL CHECK ((category = 'target' OR category = 'reported' OR category = 'indicator')),
    metric TEXT COLLATE "C" NOT NULL CHECK (length(trim(metric)) BETWEEN 1 AND 200),
    -- GLOB '[a-z]*' AND NOT GLOB '*[^a-z0-9_]*': a lower-case ASCII letter, then letters, digits, _.
    key TEXT COLLATE "C" CHECK (key ~ '^[a-z][a-z0-9_]*$'),
    park_id BIGINT REFERENCES park(id),
    period_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(period_from)),
    period_to TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(period_to)),
    known_on TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(known_on)),
    -- GLOB '[0-9]*', only digits and dots, not two dots, not ending in a dot: a decimal as reported.
    value TEXT COLLATE "C" NOT NULL CHECK (value ~ '^[0-9]+(\.[0-9]+)?$'),
    unit TEXT COLLATE "C" NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
    approximate BIGINT NOT NULL DEFAULT 0 CHECK ((approximate = 0 OR approximate = 1)),
    -- GLOB '[0-9-]*' and the rest NOT GLOB '*[^0-9.]*': a digit or minus, then digits and dots.
    yoy_percent TEXT COLLATE "C" CHECK (yoy_percent ~ '^[0-9-][0-9.]*$'),
    batch_id BIGINT NOT NULL REFERENCES batch(id),
    quote TEXT COLLATE "C",
    CHECK (period_from <= period_to)
);
CREATE INDEX figure_key ON figure(key, period_to);
CREATE INDEX figure_park ON figure(park_id) WHERE park_id IS NOT NULL;
CREATE INDEX figure_batch ON figure(batch_id);

-- The history. Append-only. One entry is about exactly one subject and sets only the fields it
-- names (a NULL column is a field it leaves alone; '' clears an optional text field). Effective
-- day and id order the entries; nothing else does.
CREATE TABLE entry (
    id BIGINT PRIMARY KEY,
    batch_id BIGINT NOT NULL REFERENCES batch(id),
    effective_on TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(effective_on)),
    action TEXT COLLATE "C" NOT NULL CHECK ((action = 'add' OR action = 'update' OR action = 'edit' OR action = 'done' OR action = 'reschedule' OR action = 'cancel' OR action = 'reopen')),
    project_id BIGINT REFERENCES project(id),
    parcel_id BIGINT REFERENCES parcel(id),
    park_id BIGINT REFERENCES park(id),
    tenant_id BIGINT REFERENCES tenant(id),
    milestone_id BIGINT REFERENCES milestone(id),
    name TEXT COLLATE "C" CHECK (length(trim(name)) BETWEEN 1 AND 200),
    title TEXT COLLATE "C" CHECK (length(trim(title)) BETWEEN 1 AND 200),
    project_kind TEXT COLLATE "C" CHECK ((project_kind = 'industrial' OR project_kind = 'infrastructure' OR project_kind = 'social' OR project_kind = 'commercial' OR project_kind = 'platform')),
    park_kind TEXT COLLATE "C" CHECK ((park_kind = 'micro-park' OR park_kind = 'town' OR park_kind = 'high-tech-zone' OR park_kind = 'platform' OR park_kind = 'startup-park')),
    investment_yuan BIGINT CHECK (investment_yuan > 0),
    expected_output_yuan BIGINT CHECK (expected_output_yuan > 0),
    expected_tax_yuan BIGINT CHECK (expected_tax_yuan > 0),
    area_mu_hundredths BIGINT CHECK (area_mu_hundredths > 0),
    area_approximate BIGINT CHECK ((area_approximate = 0 OR area_approximate = 1)),
    plot_ratio_hundredths BIGINT CHECK (plot_ratio_hundredths > 0),
    floor_area_m2 BIGINT CHECK (floor_area_m2 > 0),
    buildings BIGINT CHECK (buildings > 0),
    industries TEXT COLLATE "C" CHECK (length(industries) <= 500),
    land_use TEXT COLLATE "C" CHECK (length(land_use) <= 100),
    department TEXT COLLATE "C" CHECK (length(department) <= 100),
    provincial_major BIGINT CHECK ((provincial_major = 0 OR provincial_major = 1)),
    registered BIGINT CHECK ((registered = 0 OR registered = 1)),
    planned_start TEXT COLLATE "C" CHECK (planned_start IS NULL OR is_ledger_day(planned_start)),
    planned_completion TEXT COLLATE "C" CHECK (planned_completion IS NULL OR is_ledger_day(planned_completion)),
    set_project_id BIGINT REFERENCES project(id),
    set_parcel_id BIGINT REFERENCES parcel(id),
    set_park_id BIGINT REFERENCES park(id),
    set_tenant_id BIGINT REFERENCES tenant(id),
    stage TEXT COLLATE "C" CHECK ((stage = 'planning' OR stage = 'preliminary' OR stage = 'started' OR stage = 'construction' OR stage = 'topped-out' OR stage = 'completed' OR stage = 'operating')),
    progress BIGINT CHECK (progress BETWEEN 0 AND 100),
    parcel_status TEXT COLLATE "C" CHECK ((parcel_status = 'planned' OR parcel_status = 'listed' OR parcel_status = 'sold' OR parcel_status = 'construction' OR parcel_status = 'completed' OR parcel_status = 'idle' OR parcel_status = 'reclaimed' OR parcel_status = 'auction')),
    tenant_status TEXT COLLATE "C" CHECK ((tenant_status = 'signed' OR tenant_status = 'construction' OR tenant_status = 'topped-out' OR tenant_status = 'moved-in' OR tenant_status = 'producing' OR tenant_status = 'exited')),
    due_on TEXT COLLATE "C" CHECK (due_on IS NULL OR is_ledger_day(due_on)),
    due_text TEXT COLLATE "C" CHECK (length(due_text) BETWEEN 1 AND 100),
    due_precision TEXT COLLATE "C" CHECK ((due_precision = 'day' OR due_precision = 'xun' OR due_precision = 'month' OR due_precision = 'quarter' OR due_precision = 'half' OR due_precision = 'season' OR due_precision = 'year' OR due_precision = 'festival')),
    correction BIGINT NOT NULL DEFAULT 0 CHECK ((correction = 0 OR correction = 1)),
    note TEXT COLLATE "C" CHECK (length(note) <= 2000),
    owner TEXT COLLATE "C" CHECK (owner IS NULL OR length(owner) <= 100 AND project_id IS NOT NULL),
    leader TEXT COLLATE "C" CHECK (leader IS NULL OR length(leader) <= 100 AND (project_id IS NOT NULL OR problem_id IS NOT NULL)),
    scope TEXT COLLATE "C" CHECK (scope IS NULL OR length(scope) <= 500 AND project_id IS NOT NULL),
    invested_month_yuan BIGINT CHECK (invested_month_yuan IS NULL OR invested_month_yuan >= 0 AND project_id IS NOT NULL AND action = 'update'),
    invested_ytd_yuan BIGINT CHECK (invested_ytd_yuan IS NULL OR invested_ytd_yuan >= 0 AND project_id IS NOT NULL AND action = 'update'),
    invested_total_yuan BIGINT CHECK (invested_total_yuan IS NULL OR invested_total_yuan >= 0 AND project_id IS NOT NULL AND action = 'update'),
    plan_year BIGINT CHECK (plan_year IS NULL OR plan_year BETWEEN 1990 AND 2200 AND project_id IS NOT NULL AND action = 'update'),
    plan_investment_yuan BIGINT CHECK (plan_investment_yuan IS NULL OR plan_investment_yuan >= 0 AND plan_year IS NOT NULL),
    plan_image TEXT COLLATE "C" CHECK (plan_image IS NULL OR length(plan_image) <= 500 AND plan_investment_yuan IS NOT NULL),
    problem_id BIGINT REFERENCES problem(id),
    -- Exactly one subject.
    CHECK (num_nonnulls(project_id, parcel_id, park_id, tenant_id, milestone_id, problem_id) = 1),
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
           OR num_nonnulls(set_project_id, set_parcel_id, set_park_id, set_tenant_id) <= 1),
    -- An add states the subject whole.
    CHECK (action <> 'add' OR project_id IS NULL OR (name IS NOT NULL AND project_kind IS NOT NULL AND stage IS NOT NULL)),
    CHECK (action <> 'add' OR parcel_id IS NULL OR (name IS NOT NULL AND area_mu_hundredths IS NOT NULL AND parcel_status IS NOT NULL)),
    CHECK (action <> 'add' OR park_id IS NULL OR (name IS NOT NULL AND park_kind IS NOT NULL)),
    CHECK (action <> 'add' OR tenant_id IS NULL OR (name IS NOT NULL AND set_park_id IS NOT NULL AND tenant_status IS NOT NULL)),
    CHECK (action <> 'add' OR milestone_id IS NULL AND problem_id IS NULL OR (title IS NOT NULL
           AND num_nonnulls(set_project_id, set_parcel_id, set_park_id, set_tenant_id) = 1)),
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
);
CREATE INDEX entry_project ON entry(project_id, effective_on) WHERE project_id IS NOT NULL;
CREATE INDEX entry_parcel ON entry(parcel_id, effective_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX entry_park ON entry(park_id, effective_on) WHERE park_id IS NOT NULL;
CREATE INDEX entry_tenant ON entry(tenant_id, effective_on) WHERE tenant_id IS NOT NULL;
CREATE INDEX entry_milestone ON entry(milestone_id, effective_on) WHERE milestone_id IS NOT NULL;
CREATE INDEX entry_problem ON entry(problem_id, effective_on) WHERE problem_id IS NOT NULL;
CREATE INDEX entry_effective ON entry(effective_on);
CREATE INDEX entry_batch ON entry(batch_id);
-- The sheet reads every investment report of its projects up to the month's end.
CREATE INDEX entry_investment ON entry(project_id, effective_on)
    WHERE invested_month_yuan IS NOT NULL OR invested_ytd_yuan IS NOT NULL OR invested_total_yuan IS NOT NULL OR plan_year IS NOT NULL;

-- Undo without deleting: a later batch voids an earlier batch's entries (or figures). The voided
-- rows stay; every state and report reads the live_ views, the history shows both.
CREATE TABLE entry_void (
    entry_id BIGINT PRIMARY KEY REFERENCES entry(id),
    batch_id BIGINT NOT NULL REFERENCES batch(id)
);
CREATE INDEX entry_void_batch ON entry_void(batch_id);
CREATE TABLE figure_void (
    figure_id BIGINT PRIMARY KEY REFERENCES figure(id),
    batch_id BIGINT NOT NULL REFERENCES batch(id)
);
CREATE INDEX figure_void_batch ON figure_void(batch_id);

-- The history is append-only; the database says so too (entries, and voids: voids are final).
-- SQLite has no TRUNCATE, and its DELETE without WHERE runs the delete trigger; PostgreSQL's
-- TRUNCATE skips row triggers, so a statement trigger refuses it as well.
CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry
    FOR EACH ROW EXECUTE FUNCTION append_only('entries are append-only');
CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION append_only('entries are append-only');
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON entry
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('entries are append-only');
CREATE TRIGGER entry_void_no_update BEFORE UPDATE ON entry_void
    FOR EACH ROW EXECUTE FUNCTION append_only('voids are append-only');
CREATE TRIGGER entry_void_no_delete BEFORE DELETE ON entry_void
    FOR EACH ROW EXECUTE FUNCTION append_only('voids are append-only');
CREATE TRIGGER entry_void_no_truncate BEFORE TRUNCATE ON entry_void
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('voids are append-only');

CREATE VIEW live_entry AS
    SELECT * FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = entry.id);
CREATE VIEW live_figure AS
    SELECT * FROM figure WHERE NOT EXISTS (SELECT 1 FROM figure_void v WHERE v.figure_id = figure.id);

-- Spans: a subject's state over an interval of days (valid_from .. valid_to, NULL: still so), as
-- known over an interval of commands (recorded_from .. recorded_to, NULL: known now), by the id
-- of each command's first batch. Derived from the entries by State/Fold.swift, in the same
-- transaction as every write. `last_entry` is the latest entry folded in, `note_entry` the latest
-- one with a note.
CREATE TABLE project_span (
    id BIGINT PRIMARY KEY,
    project_id BIGINT NOT NULL REFERENCES project(id),
    valid_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(valid_from)),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR is_ledger_day(valid_to) AND valid_from < valid_to),
    recorded_from BIGINT NOT NULL REFERENCES batch(id),
    recorded_to BIGINT REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry BIGINT NOT NULL REFERENCES entry(id),
    note_entry BIGINT REFERENCES entry(id),
    name TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    stage TEXT COLLATE "C" NOT NULL,
    progress BIGINT,
    investment_yuan BIGINT,
    park_id BIGINT REFERENCES park(id),
    parcel_id BIGINT REFERENCES parcel(id),
    provincial_major BIGINT NOT NULL CHECK ((provincial_major = 0 OR provincial_major = 1)),
    registered BIGINT NOT NULL CHECK ((registered = 0 OR registered = 1)),
    department TEXT COLLATE "C",
    planned_start TEXT COLLATE "C",
    planned_completion TEXT COLLATE "C",
    owner TEXT COLLATE "C",
    leader TEXT COLLATE "C",
    scope TEXT COLLATE "C"
);
CREATE UNIQUE INDEX project_span_now ON project_span(project_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX project_span_history ON project_span(project_id, recorded_from);
CREATE INDEX project_span_latest ON project_span(project_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX project_span_name ON project_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX project_span_parcel ON project_span(parcel_id) WHERE parcel_id IS NOT NULL;

CREATE TABLE parcel_span (
    id BIGINT PRIMARY KEY,
    parcel_id BIGINT NOT NULL REFERENCES parcel(id),
    valid_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(valid_from)),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR is_ledger_day(valid_to) AND valid_from < valid_to),
    recorded_from BIGINT NOT NULL REFERENCES batch(id),
    recorded_to BIGINT REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry BIGINT NOT NULL REFERENCES entry(id),
    note_entry BIGINT REFERENCES entry(id),
    name TEXT COLLATE "C" NOT NULL,
    area_mu_hundredths BIGINT NOT NULL,
    land_use TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL,
    status_since TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX parcel_span_now ON parcel_span(parcel_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX parcel_span_history ON parcel_span(parcel_id, recorded_from);
CREATE INDEX parcel_span_latest ON parcel_span(parcel_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX parcel_span_name ON parcel_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;

CREATE TABLE park_span (
    id BIGINT PRIMARY KEY,
    park_id BIGINT NOT NULL REFERENCES park(id),
    valid_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(valid_from)),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR is_ledger_day(valid_to) AND valid_from < valid_to),
    recorded_from BIGINT NOT NULL REFERENCES batch(id),
    recorded_to BIGINT REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry BIGINT NOT NULL REFERENCES entry(id),
    note_entry BIGINT REFERENCES entry(id),
    name TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    area_mu_hundredths BIGINT,
    area_approximate BIGINT NOT NULL CHECK ((area_approximate = 0 OR area_approximate = 1)),
    plot_ratio_hundredths BIGINT,
    floor_area_m2 BIGINT,
    investment_yuan BIGINT,
    expected_output_yuan BIGINT,
    expected_tax_yuan BIGINT,
    buildings BIGINT,
    industries TEXT COLLATE "C"
);
CREATE UNIQUE INDEX park_span_now ON park_span(park_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX park_span_history ON park_span(park_id, recorded_from);
CREATE INDEX park_span_latest ON park_span(park_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX park_span_name ON park_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;

CREATE TABLE tenant_span (
    id BIGINT PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenant(id),
    valid_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(valid_from)),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR is_ledger_day(valid_to) AND valid_from < valid_to),
    recorded_from BIGINT NOT NULL REFERENCES batch(id),
    recorded_to BIGINT REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry BIGINT NOT NULL REFERENCES entry(id),
    note_entry BIGINT REFERENCES entry(id),
    name TEXT COLLATE "C" NOT NULL,
    park_id BIGINT NOT NULL REFERENCES park(id),
    status TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX tenant_span_now ON tenant_span(tenant_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX tenant_span_history ON tenant_span(tenant_id, recorded_from);
CREATE INDEX tenant_span_latest ON tenant_span(tenant_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX tenant_span_name ON tenant_span(name) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX tenant_span_park ON tenant_span(park_id);

-- A milestone's state: open, done or cancelled; its due date as moved by reschedules, the due
-- date first promised, and how often it moved.
CREATE TABLE milestone_span (
    id BIGINT PRIMARY KEY,
    milestone_id BIGINT NOT NULL REFERENCES milestone(id),
    valid_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(valid_from)),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR is_ledger_day(valid_to) AND valid_from < valid_to),
    recorded_from BIGINT NOT NULL REFERENCES batch(id),
    recorded_to BIGINT REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry BIGINT NOT NULL REFERENCES entry(id),
    note_entry BIGINT REFERENCES entry(id),
    title TEXT COLLATE "C" NOT NULL,
    project_id BIGINT REFERENCES project(id),
    parcel_id BIGINT REFERENCES parcel(id),
    park_id BIGINT REFERENCES park(id),
    tenant_id BIGINT REFERENCES tenant(id),
    department TEXT COLLATE "C",
    state TEXT COLLATE "C" NOT NULL CHECK ((state = 'open' OR state = 'done' OR state = 'cancelled')),
    closed_on TEXT COLLATE "C",
    due_on TEXT COLLATE "C" NOT NULL,
    due_text TEXT COLLATE "C" NOT NULL,
    due_precision TEXT COLLATE "C" NOT NULL,
    original_due_on TEXT COLLATE "C" NOT NULL,
    original_due_text TEXT COLLATE "C" NOT NULL,
    reschedules BIGINT NOT NULL CHECK (reschedules >= 0),
    CHECK (num_nonnulls(project_id, parcel_id, park_id, tenant_id) = 1),
    CHECK ((state = 'open') = (closed_on IS NULL))
);
CREATE UNIQUE INDEX milestone_span_now ON milestone_span(milestone_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX milestone_span_history ON milestone_span(milestone_id, recorded_from);
CREATE INDEX milestone_span_latest ON milestone_span(milestone_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
-- Overdue today reads only its answer: the open milestones as they stand, by due day.
CREATE INDEX milestone_span_open_now ON milestone_span(due_on) WHERE recorded_to IS NULL AND valid_to IS NULL AND state = 'open';
-- Overdue on a past day: open spans by due day, with the days they held to filter in the index.
CREATE INDEX milestone_span_open ON milestone_span(due_on, valid_from, valid_to) WHERE recorded_to IS NULL AND state = 'open';
-- The month's milestones (due in it, whatever their state) and those done in it, every version.
CREATE INDEX milestone_span_due ON milestone_span(due_on, valid_from, valid_to);
CREATE INDEX milestone_span_closed ON milestone_span(closed_on, valid_from, valid_to) WHERE state = 'done';
-- A subject's milestones, and its next open one.
CREATE INDEX milestone_span_project ON milestone_span(project_id, due_on) WHERE project_id IS NOT NULL;
CREATE INDEX milestone_span_parcel ON milestone_span(parcel_id, due_on) WHERE parcel_id IS NOT NULL;
CREATE INDEX milestone_span_park ON milestone_span(park_id, due_on) WHERE park_id IS NOT NULL;
CREATE INDEX milestone_span_tenant ON milestone_span(tenant_id, due_on) WHERE tenant_id IS NOT NULL;

-- A problem's state: open or resolved (closed_on the day it was), raised_on the day it was first
-- recorded, its deadline if it has one.
CREATE TABLE problem_span (
    id BIGINT PRIMARY KEY,
    problem_id BIGINT NOT NULL REFERENCES problem(id),
    valid_from TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(valid_from)),
    valid_to TEXT COLLATE "C" CHECK (valid_to IS NULL OR is_ledger_day(valid_to) AND valid_from < valid_to),
    recorded_from BIGINT NOT NULL REFERENCES batch(id),
    recorded_to BIGINT REFERENCES batch(id) CHECK (recorded_to IS NULL OR recorded_from < recorded_to),
    last_entry BIGINT NOT NULL REFERENCES entry(id),
    note_entry BIGINT REFERENCES entry(id),
    title TEXT COLLATE "C" NOT NULL,
    project_id BIGINT REFERENCES project(id),
    parcel_id BIGINT REFERENCES parcel(id),
    park_id BIGINT REFERENCES park(id),
    tenant_id BIGINT REFERENCES tenant(id),
    department TEXT COLLATE "C",
    leader TEXT COLLATE "C",
    state TEXT COLLATE "C" NOT NULL CHECK ((state = 'open' OR state = 'resolved')),
    raised_on TEXT COLLATE "C" NOT NULL CHECK (is_ledger_day(raised_on)),
    closed_on TEXT COLLATE "C",
    due_on TEXT COLLATE "C",
    due_text TEXT COLLATE "C",
    due_precision TEXT COLLATE "C",
    CHECK (num_nonnulls(project_id, parcel_id, park_id, tenant_id) = 1),
    CHECK ((state = 'open') = (closed_on IS NULL))
);
CREATE UNIQUE INDEX problem_span_now ON problem_span(problem_id, valid_from) WHERE recorded_to IS NULL;
CREATE INDEX problem_span_history ON problem_span(problem_id, recorded_from);
CREATE INDEX problem_span_latest ON problem_span(problem_id) WHERE recorded_to IS NULL AND valid_to IS NULL;
CREATE INDEX problem_span_project ON problem_span(project_id) WHERE project_id IS NOT NULL;
-- The sheet and overdue read the open problems, and those resolved since a day: never all of them.
CREATE INDEX problem_span_state ON problem_span(state, closed_on, valid_from);

-- Every table whose id SQLite numbers (INTEGER PRIMARY KEY) numbers it the same way here: a row
-- inserted without an id (or with a NULL one) takes the largest id plus one, in its own
-- transaction (see the top of the file); an INSERT … SELECT numbers its rows one after another,
-- in the order the SELECT gives them, as SQLite does. The largest id is looked up once per
-- transaction and then kept in a transaction-local setting (zoneledger.last_id.<table>), which
-- a rollback, also to a savepoint, takes back with the rows; an insert with a larger explicit id
-- raises it, a delete forgets it (SQLite reuses the ids of deleted rows at the top: so does the
-- next lookup). Looking max(id) up for every row cost 30 µs a row with a good plan, and, once the
-- session had planned it on a near-empty table, a scan per row: 100,000 rows took 24 s.
-- (entry_void and figure_void name the row they void: their key is always given.)
CREATE FUNCTION next_row_id() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    setting text := 'zoneledger.last_id.' || TG_TABLE_NAME;
    last bigint := nullif(current_setting(setting, true), '')::bigint;
BEGIN
    IF NEW.id IS NULL THEN
        IF last IS NULL THEN
            EXECUTE format('SELECT coalesce(max(id), 0) FROM %I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO last;
        END IF;
        NEW.id := last + 1;
        PERFORM set_config(setting, NEW.id::text, true);
    ELSIF last IS NOT NULL AND NEW.id > last THEN
        PERFORM set_config(setting, NEW.id::text, true);
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION forget_row_id() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('zoneledger.last_id.' || TG_TABLE_NAME, '', true);
    RETURN NULL;
END $$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['zone', 'batch', 'project', 'parcel', 'park', 'tenant', 'milestone', 'problem', 'figure', 'entry',
                             'project_span', 'parcel_span', 'park_span', 'tenant_span', 'milestone_span', 'problem_span'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION next_row_id()', t || '_next_id', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION forget_row_id()', t || '_forget_id', t);
    END LOOP;
END $$;
