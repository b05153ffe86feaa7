package org.rapport.lti.assessment;

/** Who computed a score. */
public enum ScoreOrigin {
  /** Rapport, from the item answers, with the definition version the score names. */
  SCORED,
  /** An earlier system; taken over from an import without item answers. */
  GIVEN
}
