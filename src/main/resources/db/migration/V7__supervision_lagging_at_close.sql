-- The direct sub-organisations found lagging at the window's close (codes, comma-separated): counted in
-- the same pass as the organisation's own figures, and named by the level-1 escalation that follows.
ALTER TABLE supervision ADD COLUMN lagging_at_close TEXT;
