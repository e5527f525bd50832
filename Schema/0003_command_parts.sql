-- One command can write several batches (an import keeps each history row's own author and
-- time). The later ones point to the first, so `undo` takes the whole command back at once.
ALTER TABLE batch ADD COLUMN part_of INTEGER REFERENCES batch(id);
CREATE INDEX batch_part_of ON batch(part_of) WHERE part_of IS NOT NULL;

-- Codes are matched without regard to case (p5 = P5); these indexes make that a lookup, not a scan.
CREATE INDEX project_code_nocase ON project(code COLLATE NOCASE);
CREATE INDEX parcel_code_nocase ON parcel(code COLLATE NOCASE);
CREATE INDEX park_code_nocase ON park(code COLLATE NOCASE);
CREATE INDEX tenant_code_nocase ON tenant(code COLLATE NOCASE);
CREATE INDEX milestone_code_nocase ON milestone(code COLLATE NOCASE);
