-- Alert evaluation runs when a wave closes and when an import finishes, besides the hourly run.

-- The closing day of the wave last seen closed, so each closing triggers one evaluation; a wave
-- whose window is moved and closes again triggers another.
ALTER TABLE wave ADD COLUMN close_noticed DATE;

-- The last evaluation of each tenant: when, why, and what it found.
CREATE TABLE alert_evaluation (
    registration_id BIGINT        NOT NULL PRIMARY KEY REFERENCES registration (id),
    evaluated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason          VARCHAR(200)  NOT NULL,
    cohorts         INTEGER       NOT NULL,
    findings        INTEGER       NOT NULL,
    raised          INTEGER       NOT NULL
);

-- Each cohort's shown summaries (n, mean, sum of squared deviations, roster) per instrument, wave
-- and measure, as of the tenant's last evaluation: a cohort's dashboard compares it with every
-- earlier cohort from these rows instead of reading their individual scores again.
CREATE TABLE cohort_summary (
    registration_id BIGINT           NOT NULL REFERENCES registration (id),
    cohort_id       BIGINT           NOT NULL REFERENCES cohort (id),
    instrument_id   VARCHAR(64)      NOT NULL,
    stage           VARCHAR(16)      NOT NULL,
    measure         VARCHAR(64)      NOT NULL,
    n               INTEGER          NOT NULL,
    mean_value      DOUBLE PRECISION NOT NULL,
    m2              DOUBLE PRECISION NOT NULL,
    roster          INTEGER,
    CONSTRAINT pk_cohort_summary PRIMARY KEY (cohort_id, instrument_id, stage, measure)
);
CREATE INDEX ix_cohort_summary_tenant ON cohort_summary (registration_id, instrument_id);
