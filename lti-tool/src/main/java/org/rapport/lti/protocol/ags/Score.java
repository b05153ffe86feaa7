package org.rapport.lti.protocol.ags;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A score published to a line item (AGS 2.0 §3.4, media type {@value AgsClient#SCORE}). The
 * platform keeps the score with the latest {@code timestamp} and ignores older ones (§3.4.6), so a
 * tool must send increasing timestamps per user and line item.
 *
 * @param scoreGiven null when only progress is reported; needs {@code scoreMaximum}
 * @param activityProgress Initialized, Started, InProgress, Submitted or Completed
 * @param gradingProgress FullyGraded, Pending, PendingManual, Failed or NotReady
 * @param timestamp when the score was set in Rapport; sent with millisecond precision
 */
public record Score(
    String userId,
    Double scoreGiven,
    Double scoreMaximum,
    String activityProgress,
    String gradingProgress,
    Instant timestamp) {
  public static final String COMPLETED = "Completed";
  public static final String FULLY_GRADED = "FullyGraded";

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  public Score {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(activityProgress, "activityProgress");
    Objects.requireNonNull(gradingProgress, "gradingProgress");
    Objects.requireNonNull(timestamp, "timestamp");
    if (scoreGiven != null && scoreMaximum == null) {
      throw new IllegalArgumentException("A score with scoreGiven needs scoreMaximum");
    }
    timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
  }

  /** Completion: 1 of 1, Completed, FullyGraded. */
  public static Score completion(String userId, Instant timestamp) {
    return new Score(userId, 1.0, 1.0, COMPLETED, FULLY_GRADED, timestamp);
  }

  public String timestampText() {
    return ISO_MILLIS.format(timestamp);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", userId);
    if (scoreGiven != null) {
      json.put("scoreGiven", scoreGiven);
      json.put("scoreMaximum", scoreMaximum);
    }
    json.put("activityProgress", activityProgress);
    json.put("gradingProgress", gradingProgress);
    json.put("timestamp", timestampText());
    return json;
  }
}
