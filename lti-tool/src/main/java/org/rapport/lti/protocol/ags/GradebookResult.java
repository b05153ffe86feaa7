package org.rapport.lti.protocol.ags;

import java.util.Map;

/**
 * What a gradebook column holds for one user (AGS 2.0 §3.3, a member of {@value
 * AgsClient#RESULT_CONTAINER}): the platform's current score, scaled to {@code resultMaximum}.
 *
 * @param resultScore null when the platform holds no score for the user (only progress, or none)
 * @param resultMaximum greater than zero; 1 when the platform does not say
 */
public record GradebookResult(String userId, Double resultScore, double resultMaximum) {

  /**
   * Whether the gradebook already shows the score: same user, and the same fraction of the maximum
   * (the platform may scale the score to its own maximum). A score without {@code scoreGiven} is
   * never shown by a result, since a result does not carry progress.
   */
  public boolean shows(Score score) {
    if (!score.userId().equals(userId) || resultScore == null || score.scoreGiven() == null) {
      return false;
    }
    double held = resultScore / resultMaximum;
    double sent = score.scoreGiven() / score.scoreMaximum();
    return Math.abs(held - sent) < 1e-6;
  }

  /** Reads a result of a platform's answer; null when it names no user. */
  static GradebookResult fromJson(Map<?, ?> json) {
    if (!(json.get("userId") instanceof String user)) {
      return null;
    }
    Double score = json.get("resultScore") instanceof Number n ? n.doubleValue() : null;
    double maximum =
        json.get("resultMaximum") instanceof Number m && m.doubleValue() > 0 ? m.doubleValue() : 1;
    return new GradebookResult(user, score, maximum);
  }
}
