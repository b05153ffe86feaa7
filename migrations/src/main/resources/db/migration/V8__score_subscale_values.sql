-- Each score's subscale values in one text beside its total ("id=value;id=value", ids sorted),
-- so the cohort analytics read one row per response instead of one per response and subscale.
-- assessment_subscale_score stays the full record (keyed sums, answered and item counts).
ALTER TABLE assessment_score ADD COLUMN subscale_values VARCHAR(20000);

UPDATE assessment_score SET subscale_values = (
    SELECT STRING_AGG(ss.subscale_id || '=' || CAST(ss.score_value AS VARCHAR(40)), ';'
                      ORDER BY ss.subscale_id)
    FROM assessment_subscale_score ss
    WHERE ss.response_id = assessment_score.response_id
      AND ss.scored_with_version = assessment_score.scored_with_version);
