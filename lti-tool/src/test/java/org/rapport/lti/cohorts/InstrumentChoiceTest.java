package org.rapport.lti.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.web.BodyProblems;

/** The instrument an administrator names for a wave or a stage: never a rating form. */
class InstrumentChoiceTest {

  private final Instruments instruments =
      new Instruments() {
        private final InstrumentCatalog shipped = InstrumentCatalog.shipped();

        @Override
        public InstrumentCatalog catalog() {
          return shipped;
        }
      };

  private final BodyProblems problems = new BodyProblems(WaveRequestView.class);

  @Test
  void aSelfReportIsChosenAtItsNewestVersionWhenNoneIsGiven() {
    assertEquals(
        Optional.of(InstrumentRef.of("rapport-empathy", 2)),
        InstrumentChoice.check(instruments, problems, "instrument", "rapport-empathy", null));
    assertTrue(problems.isEmpty());
  }

  @Test
  void aRatingFormIsRefusedWithTheInstrumentsThatCanBeChosen() {
    for (Integer version : new Integer[] {null, 1}) {
      BodyProblems found = new BodyProblems(WaveRequestView.class);
      assertEquals(
          Optional.empty(),
          InstrumentChoice.check(
              instruments, found, "instrument", "rapport-observed-observer", version));
      assertEquals(
          List.of(
              "instrument: Observed (observer) is a rating form that faculty or peers fill in"
                  + " about a student; it cannot be a self-assessment; choose a self-assessment"
                  + " instrument: rapport-empathy."),
          found.list());
      assertFalse(found.onlyConflicts(), "a 400: the request names the wrong kind of instrument");
    }
  }

  @Test
  void anUnknownInstrumentListsOnlyTheSelfReports() {
    InstrumentChoice.check(instruments, problems, "instrument", "nope", null);

    assertEquals(
        List.of(
            "instrument: no instrument 'nope' is installed; installed: jse-s, rapport-empathy."),
        problems.list());
  }

  @Test
  void aLicensedInstrumentWithoutTextsIsStillAConflictWithTheInstallation() {
    InstrumentChoice.check(instruments, problems, "instrument", "jse-s", 1);

    assertTrue(problems.onlyConflicts());
  }
}
