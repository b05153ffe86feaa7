package org.rapport.lti.grades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.LearnerRef;
import org.rapport.curriculum.modules.ModuleCompleted;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.activities.Activities;
import org.rapport.lti.activities.Activity;

/** Which links a completion is reported to, and what is reported: completion only. */
class CompletionScoresTest {
  private static final Instant AT = Instant.parse("2030-03-01T09:30:00Z");
  private final List<NewScore> queued = new ArrayList<>();
  private final List<String> asked = new ArrayList<>();

  private CompletionScores scores() {
    CompletionScores scores = new CompletionScores();
    scores.activities = Activities.shipped();
    scores.outbox =
        new ScoreOutbox() {
          @Override
          public List<GradingLink> linksTo(long registrationId, long courseId, String page) {
            asked.add(registrationId + " " + courseId + " " + page);
            return List.of(
                new GradingLink(11, "l1", URI.create("https://lms/li"), null, Set.of()),
                new GradingLink(12, "l2", URI.create("https://lms/li"), null, Set.of()));
          }

          @Override
          public long queue(NewScore score) {
            queued.add(score);
            return queued.size();
          }
        };
    return scores;
  }

  @Test
  void aCompletionThroughALinkIsReportedToThatLinkAsOneOfOne() {
    scores()
        .onModuleCompleted(
            new ModuleCompleted(new LearnerRef(3, 40, 7L, "l2"), ModuleId.of("teach-back"), AT));
    assertEquals(List.of("3 7 /app/modules/teach-back"), asked);
    assertEquals(1, queued.size());
    NewScore score = queued.get(0);
    assertEquals(12, score.resourceLinkId());
    assertEquals(40, score.learnerId());
    assertEquals("teach-back", score.resourceId());
    assertEquals(Activity.COMPLETION_TAG, score.tag());
    assertEquals(1.0, score.scoreGiven());
    assertEquals(1.0, score.scoreMaximum());
    assertEquals("Completed", score.activityProgress());
    assertEquals("FullyGraded", score.gradingProgress());
    assertEquals(AT, score.at());
  }

  @Test
  void withoutAKnownLinkEveryLinkOfTheCourseToTheActivityIsReported() {
    scores().queueCompletion(new LearnerRef(3, 40, 7L, null), Activities.selfAssessment(), AT);
    assertEquals(List.of("3 7 /app/assessment"), asked);
    assertEquals(List.of(11L, 12L), queued.stream().map(NewScore::resourceLinkId).toList());
    assertTrue(queued.stream().allMatch(s -> s.resourceId().equals("empathy-self-assessment")));
  }

  @Test
  void nothingIsReportedWithoutACourseOrForAnUnknownModule() {
    CompletionScores scores = scores();
    scores.onModuleCompleted(
        new ModuleCompleted(new LearnerRef(3, 40, null, "l1"), ModuleId.of("teach-back"), AT));
    scores.onModuleCompleted(
        new ModuleCompleted(new LearnerRef(3, 40, 7L, "l1"), ModuleId.of("no-such-module"), AT));
    assertTrue(queued.isEmpty());
  }
}
