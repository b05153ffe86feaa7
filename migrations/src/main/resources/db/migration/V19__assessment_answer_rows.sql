-- Answer sheets are rows: one per answered item, instead of one text of ascending item:answer
-- pairs per response ('1:5,2:3,4:7', V3). Raw answers as given, never reverse-keyed. A response's
-- answers go with it (ON DELETE CASCADE), so deleting a student's data deletes their answers.
CREATE TABLE assessment_answer (
    response_id BIGINT  NOT NULL REFERENCES assessment_response (id) ON DELETE CASCADE,
    item        INTEGER NOT NULL,
    answer      INTEGER NOT NULL,
    CONSTRAINT pk_assessment_answer PRIMARY KEY (response_id, item)
);

-- Existing answers keep theirs: each text is split here, on H2 and PostgreSQL alike.
INSERT INTO assessment_answer (response_id, item, answer)
WITH RECURSIVE split (response_id, pair, rest) AS (
    SELECT id,
           CASE WHEN POSITION(',' IN answers) > 0
                THEN SUBSTRING(answers FROM 1 FOR POSITION(',' IN answers) - 1)
                ELSE answers END,
           CASE WHEN POSITION(',' IN answers) > 0
                THEN SUBSTRING(answers FROM POSITION(',' IN answers) + 1)
                ELSE '' END
    FROM assessment_response WHERE answers <> ''
    UNION ALL
    SELECT response_id,
           CASE WHEN POSITION(',' IN rest) > 0
                THEN SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1)
                ELSE rest END,
           CASE WHEN POSITION(',' IN rest) > 0
                THEN SUBSTRING(rest FROM POSITION(',' IN rest) + 1)
                ELSE '' END
    FROM split WHERE rest <> ''
)
SELECT response_id,
       CAST(TRIM(SUBSTRING(pair FROM 1 FOR POSITION(':' IN pair) - 1)) AS INTEGER),
       CAST(TRIM(SUBSTRING(pair FROM POSITION(':' IN pair) + 1)) AS INTEGER)
FROM split
WHERE POSITION(':' IN pair) > 1;
ALTER TABLE assessment_response DROP COLUMN answers;
