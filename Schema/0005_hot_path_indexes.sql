-- Indexes for the reports' hot paths, so that no report reads the whole history:
-- `overdue` and the sheet find milestones moved by a day (a reschedule can bring a due date into
-- the window), and every as-of report undoes the edits made after its day.
CREATE INDEX entry_reschedule ON entry(effective_on, milestone_id) WHERE action = 'reschedule';
CREATE INDEX entry_edit ON entry(effective_on) WHERE action = 'edit';
