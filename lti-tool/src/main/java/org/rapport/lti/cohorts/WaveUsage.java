package org.rapport.lti.cohorts;

/**
 * How many responses a wave holds, by status; implemented where responses live (the assessment
 * feature), so that this package does not depend on it.
 */
public interface WaveUsage {
  /** Counts of a wave's responses. */
  record Counts(long drafts, long submitted, long imported) {
    public long total() {
      return drafts + submitted + imported;
    }
  }

  Counts counts(long waveId);
}
