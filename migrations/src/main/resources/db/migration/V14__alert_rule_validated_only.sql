-- An institution can keep alerts to validated instruments: declines on a formative instrument
-- (Rapport's own reflection tool) then still show on the dashboard but raise no alert.
ALTER TABLE alert_rule ADD COLUMN validated_only BOOLEAN NOT NULL DEFAULT FALSE;
