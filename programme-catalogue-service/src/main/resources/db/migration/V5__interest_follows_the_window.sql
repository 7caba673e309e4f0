-- Whether a school may register interest for next year is no longer a stored flag set when a group closed: it is
-- whether the group is taking applications now (WorkGroup.takesInterestAt), the rule the applications service applies
-- to POST .../interest. The flag said false for a group whose window had closed and for completed groups.
ALTER TABLE work_group DROP COLUMN express_interest;
