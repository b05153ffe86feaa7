-- An institution names its own programme's stages in its schedule template: each stage line gains
-- its position in training order, the names people read and the phase of training that follows
-- the wave (pre-clinical, clerkship, final-year, residency), which chooses the modules that suit a
-- cohort. Lines stored before carry Rapport's standard stages and get their standard names.
-- Portable between H2 (MODE=LEGACY) and PostgreSQL.

ALTER TABLE schedule_template_stage ADD COLUMN stage_order INTEGER;
ALTER TABLE schedule_template_stage ADD COLUMN label VARCHAR(100);
ALTER TABLE schedule_template_stage ADD COLUMN short_label VARCHAR(40);
ALTER TABLE schedule_template_stage ADD COLUMN phase VARCHAR(16);

UPDATE schedule_template_stage SET
    stage_order = CASE stage
        WHEN 'MATRICULATION' THEN 0 WHEN 'Y1' THEN 1 WHEN 'Y2' THEN 2 WHEN 'Y3' THEN 3
        WHEN 'Y4' THEN 4 WHEN 'GRADUATION' THEN 5 WHEN 'PGY1' THEN 6 WHEN 'PGY2' THEN 7
        ELSE 8 END,
    label = CASE stage
        WHEN 'MATRICULATION' THEN 'Start of medical school' WHEN 'Y1' THEN 'End of year 1'
        WHEN 'Y2' THEN 'End of year 2' WHEN 'Y3' THEN 'End of year 3' WHEN 'Y4' THEN 'End of year 4'
        WHEN 'GRADUATION' THEN 'Graduation' WHEN 'PGY1' THEN 'Residency year 1 (PGY-1)'
        WHEN 'PGY2' THEN 'Residency year 2 (PGY-2)' ELSE 'Residency year 3 (PGY-3)' END,
    short_label = CASE stage
        WHEN 'MATRICULATION' THEN 'Matriculation' WHEN 'Y1' THEN 'Year 1' WHEN 'Y2' THEN 'Year 2'
        WHEN 'Y3' THEN 'Year 3' WHEN 'Y4' THEN 'Year 4' WHEN 'GRADUATION' THEN 'Graduation'
        WHEN 'PGY1' THEN 'PGY-1' WHEN 'PGY2' THEN 'PGY-2' ELSE 'PGY-3' END,
    phase = CASE stage
        WHEN 'MATRICULATION' THEN 'pre-clinical' WHEN 'Y1' THEN 'pre-clinical'
        WHEN 'Y2' THEN 'clerkship' WHEN 'Y3' THEN 'final-year' ELSE 'residency' END;

ALTER TABLE schedule_template_stage ALTER COLUMN stage_order SET NOT NULL;
ALTER TABLE schedule_template_stage ALTER COLUMN label SET NOT NULL;
ALTER TABLE schedule_template_stage ALTER COLUMN short_label SET NOT NULL;
ALTER TABLE schedule_template_stage ALTER COLUMN phase SET NOT NULL;
ALTER TABLE schedule_template_stage ADD CONSTRAINT uq_schedule_stage_position UNIQUE (template_id, stage_order);
ALTER TABLE schedule_template_stage ADD CONSTRAINT ck_schedule_stage_phase
    CHECK (phase IN ('pre-clinical', 'clerkship', 'final-year', 'residency'));
