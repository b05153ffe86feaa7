-- The mail outbox also carries rating links to standardized and real patients: a row is about an
-- alert (as before) or about one rater's link. A link mail is queued once per rater and link issue
-- (a replaced link may be mailed again); deleting a student deletes their encounters, raters and
-- any link mail that named them. Portable between H2 (MODE=LEGACY) and PostgreSQL.
ALTER TABLE mail_outbox ALTER COLUMN alert_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN rater_id BIGINT REFERENCES encounter_rater (id) ON DELETE CASCADE;
ALTER TABLE mail_outbox ADD COLUMN link_issue INTEGER;
ALTER TABLE mail_outbox ADD CONSTRAINT uq_mail_outbox_rater_link UNIQUE (rater_id, link_issue);
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_about CHECK (
    (alert_id IS NOT NULL AND rater_id IS NULL AND link_issue IS NULL)
    OR (alert_id IS NULL AND rater_id IS NOT NULL AND link_issue IS NOT NULL));
