package org.rapport.lti.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.curriculum.alerts.ComparisonKind;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.curriculum.cohorts.TrainingStage;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.modules.EmpathyLayer;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.TrainingPhase;

class RecommendedModulesTest {
  private static final AlertVocabulary WORDS = AlertVocabulary.shipped();
  private static final ModuleCatalog MODULES = ModuleCatalog.load(null);

  @ParameterizedTest(name = "{0}")
  @EnumSource(TrainingPhase.class)
  void aFallingLayerSuggestsAtMostThreeModulesThatAddressItAndSuitTheCohortsPhase(
      TrainingPhase phase) {
    for (EmpathyLayer layer : EmpathyLayer.values()) {
      List<String> suggested = WORDS.recommended(layer.yamlName(), phase);
      assertFalse(suggested.isEmpty(), layer + " in " + phase);
      assertTrue(suggested.size() <= AlertVocabulary.MAX_RECOMMENDED, suggested.toString());
      for (String id : suggested) {
        Module m = MODULES.find(ModuleId.of(id)).orElseThrow();
        assertTrue(m.addresses(layer), id + " addresses " + layer);
        assertTrue(m.suits(phase), id + " suits " + phase);
      }
    }
  }

  @Test
  void aFallingTotalSuggestsModulesThatAddressEveryLayer() {
    for (String id : WORDS.recommended("total", TrainingPhase.CLERKSHIP)) {
      Module m = MODULES.find(ModuleId.of(id)).orElseThrow();
      for (EmpathyLayer layer : EmpathyLayer.values()) {
        assertTrue(m.addresses(layer), id + " addresses " + layer);
      }
    }
  }

  @Test
  void theSuggestionsChangeWithTheStageOfTraining() {
    assertNotEquals(
        WORDS.recommended("affective", TrainingPhase.PRE_CLINICAL),
        WORDS.recommended("affective", TrainingPhase.RESIDENCY));
    // The JSE-S factor standing in the patient's shoes maps to the affective layer.
    assertEquals(
        WORDS.recommended("affective", TrainingPhase.FINAL_YEAR),
        WORDS.recommended("standing-in-patients-shoes", TrainingPhase.FINAL_YEAR));
  }

  @Test
  void alertMailNamesTheInstitutionsStagesAndTheGuides() {
    InstrumentRef rapport = InstrumentRef.of("rapport-empathy", 2);
    Programme six =
        new ScheduleTemplate(
                MonthDay.of(9, 1),
                List.of(
                    new ScheduledStage(
                        new TrainingStage(
                            "Y5", "End of year 5", "Year 5", TrainingPhase.FINAL_YEAR, 0, 0),
                        57,
                        42,
                        rapport),
                    new ScheduledStage(
                        new TrainingStage(
                            "Y6", "End of year 6", "Year 6", TrainingPhase.RESIDENCY, 0, 0),
                        69,
                        42,
                        rapport)))
            .programme();
    List<String> modules = WORDS.recommended("affective", TrainingPhase.RESIDENCY);
    StoredAlert alert =
        new StoredAlert(
            1,
            1,
            1,
            "Class of 2020",
            2020,
            "rapport-empathy",
            "Y5",
            "Y6",
            "affective",
            ComparisonKind.PREVIOUS_WAVE,
            AlertState.OPEN,
            new StoredAlert.Group(14, 32.0, 1.5, 1.0),
            new StoredAlert.Group(14, 25.0, 1.7, 1.0),
            -7.0,
            0.8,
            0.95,
            -7.5,
            -6.5,
            -30.0,
            13,
            0.0001,
            -8.0,
            "dz",
            null,
            modules,
            OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            null,
            null,
            null,
            null,
            null,
            false);
    assertTrue(AlertMail.subject(alert, WORDS, six).endsWith("(Year 5 to Year 6)"));
    String body = AlertMail.body(alert, WORDS, six, null);
    assertTrue(body.contains("Waves: End of year 5 to End of year 6"), body);
    assertTrue(body.contains(AlertVocabulary.FORMATIVE_CAVEAT), body);
    for (String id : modules) {
      String line = "  - " + WORDS.moduleTitle(id);
      assertTrue(body.contains(line), body);
      assertEquals(
          WORDS.hasGuide(id),
          body.contains(line + " (with a facilitator guide for a small-group debrief)"),
          id);
    }
  }
}
