-- The registration wizard's test page shows the latest launch received for one registration;
-- without this index that look-up reads the whole launch log.
CREATE INDEX ix_launch_log_registration ON launch_log (registration_id, id);
