-- Alerts found in history (a cohort that has graduated, or a wave older than the configured age)
-- are filed as historical findings: shown to faculty in their own section, never mailed and never
-- counted as open.
ALTER TABLE cohort_alert ADD COLUMN historical BOOLEAN DEFAULT FALSE NOT NULL;
