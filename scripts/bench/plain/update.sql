-- The plain side of one `zoneledger project update P500 --note bench`: a person's status update
-- on the plain schema, in one transaction: the project's current-state row takes the new stage
-- and progress (none given here, so they stay), and a status_update row records the whole
-- status with the note.
.parameter set @code "'P500'"
.parameter set @day "'2026-11-29'"
.parameter set @stage NULL
.parameter set @progress NULL
.parameter set @note "'bench'"
BEGIN IMMEDIATE;
UPDATE project SET stage = coalesce(@stage, stage), progress = coalesce(@progress, progress) WHERE code = @code;
INSERT INTO status_update (day, subject, action, stage, progress, note)
SELECT @day, code, '更新', stage, progress, @note FROM project WHERE code = @code;
COMMIT;
