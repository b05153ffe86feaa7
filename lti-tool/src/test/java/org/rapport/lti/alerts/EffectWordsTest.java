package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EffectWordsTest {
  @Test
  void sizesFollowTheConventionsOfTheDomainNotes() {
    assertEquals("less than a fifth of a standard deviation", EffectWords.size(-0.1));
    assertEquals("about a third of a standard deviation", EffectWords.size(-0.31));
    assertEquals("about half a standard deviation", EffectWords.size(-0.5));
    assertEquals("almost half a standard deviation", EffectWords.size(0.45));
    assertEquals("small", EffectWords.magnitude(0.45));
    assertEquals("about one standard deviation", EffectWords.size(-1.0));
    assertEquals("negligible", EffectWords.magnitude(-0.19));
    assertEquals("small", EffectWords.magnitude(-0.2));
    assertEquals("medium", EffectWords.magnitude(-0.5));
    assertEquals("large", EffectWords.magnitude(-0.8));
  }
}
