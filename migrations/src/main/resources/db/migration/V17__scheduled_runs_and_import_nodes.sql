-- Scheduled work that must happen once per period however many nodes run (the hourly alert
-- evaluation, the retention sweeps, the score outbox purge): the first node to insert the row of
-- a job's period does the work, the others find the row and skip it. The row names the node.
CREATE TABLE scheduled_run (
    job        VARCHAR(60)  NOT NULL,
    slot       TIMESTAMP WITH TIME ZONE NOT NULL,
    node       VARCHAR(120) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job, slot)
);

-- The node an import runs on: a node that starts marks only its own interrupted imports as failed,
-- never one another node is running.
ALTER TABLE import_job ADD COLUMN node VARCHAR(120);

-- Which node posted a delivered score to the LMS.
ALTER TABLE score_outbox ADD COLUMN delivered_by VARCHAR(120);
