-- When the attempt to post a score began, until the LMS's answer is recorded. A score claimed
-- again with this set is "in doubt": its post may have reached the LMS although Rapport stopped
-- before recording the answer, so the next attempt first reads the LMS's result for the learner
-- (AGS result service) and posts only when the gradebook does not already show the score.
ALTER TABLE score_outbox ADD COLUMN posting_since TIMESTAMP WITH TIME ZONE;
