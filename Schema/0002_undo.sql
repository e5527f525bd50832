-- Undo without deleting: a later batch voids an earlier batch's entries (or figures).
-- The voided rows stay; every state and report reads the live_ views, the history shows both.

ALTER TABLE batch ADD COLUMN undoes INTEGER REFERENCES batch(id);
CREATE UNIQUE INDEX batch_undoes ON batch(undoes) WHERE undoes IS NOT NULL;

CREATE TABLE entry_void (
    entry_id INTEGER PRIMARY KEY REFERENCES entry(id),
    batch_id INTEGER NOT NULL REFERENCES batch(id)
) STRICT;

CREATE TABLE figure_void (
    figure_id INTEGER PRIMARY KEY REFERENCES figure(id),
    batch_id INTEGER NOT NULL REFERENCES batch(id)
) STRICT;

-- Voids are final too.
CREATE TRIGGER entry_void_no_update BEFORE UPDATE ON entry_void BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;
CREATE TRIGGER entry_void_no_delete BEFORE DELETE ON entry_void BEGIN SELECT RAISE(ABORT, 'voids are append-only'); END;

CREATE VIEW live_entry AS
    SELECT * FROM entry WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = entry.id);

CREATE VIEW live_figure AS
    SELECT * FROM figure WHERE NOT EXISTS (SELECT 1 FROM figure_void v WHERE v.figure_id = figure.id);
