package org.rapport.lti.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.cohorts.MatriculationYear;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.imports.CsvReader;
import org.rapport.curriculum.imports.HistoricalResult;
import org.rapport.curriculum.imports.ResultFileValidator;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;
import org.rapport.curriculum.instruments.SubscaleId;

class DemoResultsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
  private final InstrumentCatalog catalog = InstrumentCatalog.shipped();
  private final Instrument instrument =
      catalog.latest(InstrumentId.of("rapport-empathy")).orElseThrow();
  private final ScheduleTemplate template = ScheduleTemplate.standard(instrument.ref());

  @Test
  void theDecliningClassIsTheLatestWhoseThirdYearWaveHasClosed() {
    DemoResults.Classes classes = DemoResults.Classes.on(template, TODAY);
    assertEquals(new MatriculationYear(2023), classes.declining());
    assertEquals(new MatriculationYear(2025), classes.steady());
    DemoResults.Classes spring = DemoResults.Classes.on(template, LocalDate.of(2027, 5, 20));
    assertEquals(new MatriculationYear(2023), spring.declining(), "Y3 of 2024 is still open");
    DemoResults.Classes summer = DemoResults.Classes.on(template, LocalDate.of(2027, 7, 1));
    assertEquals(new MatriculationYear(2024), summer.declining());
  }

  @Test
  void theSameDayGivesTheSameFile() {
    DemoResults.Classes classes = DemoResults.Classes.on(template, TODAY);
    assertEquals(
        DemoResults.csv(instrument, template, classes),
        DemoResults.csv(instrument, template, classes));
  }

  @Test
  void everyRowPassesTheImportChecksAndTheFeelingScoresFallAtTheThirdYear() throws Exception {
    DemoResults.Classes classes = DemoResults.Classes.on(template, TODAY);
    List<HistoricalResult> results = read(DemoResults.csv(instrument, template, classes));

    Map<String, List<Double>> affective = new HashMap<>();
    Map<String, Integer> respondents = new HashMap<>();
    for (HistoricalResult r : results) {
      String key = r.cohort().value() + " " + r.stage().code();
      respondents.merge(key, 1, Integer::sum);
      double value =
          r.score().orElseThrow().subscale(SubscaleId.of("affective")).orElseThrow().value();
      affective.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    for (var e : respondents.entrySet()) {
      int size =
          e.getKey().startsWith(classes.declining().value() + " ")
              ? DemoResults.DECLINING_SIZE
              : DemoResults.STEADY_SIZE;
      assertEquals(size, e.getValue(), "everyone answers, so no small group is left out: " + e);
    }
    assertEquals(6, respondents.size(), "four waves of one class, two of the other");
    double y2 = mean(affective.get("2023 Y2"));
    double y3 = mean(affective.get("2023 Y3"));
    double steady0 = mean(affective.get("2025 MATRICULATION"));
    double steady1 = mean(affective.get("2025 Y1"));
    assertTrue(y2 - y3 > 4, "a clear drop at Y3: " + y2 + " -> " + y3);
    assertTrue(Math.abs(steady1 - steady0) < 1.5, "the other class stays: " + steady0 + steady1);
  }

  @Test
  void theSteadyClassHasNoChangeTheAlertRuleCouldMistakeForADecline() throws Exception {
    DemoResults.Classes classes = DemoResults.Classes.on(template, TODAY);
    Map<String, Map<String, Double>> byStudent = new HashMap<>();
    for (HistoricalResult r : read(DemoResults.csv(instrument, template, classes))) {
      if (r.cohort().equals(classes.steady())) {
        for (var subscale : instrument.subscales()) {
          byStudent
              .computeIfAbsent(r.studentId() + " " + subscale.id().value(), k -> new HashMap<>())
              .put(
                  r.stage().code(),
                  r.score().orElseThrow().subscale(subscale.id()).orElseThrow().value());
        }
      }
    }
    for (var subscale : instrument.subscales()) {
      List<Double> first = new ArrayList<>();
      List<Double> second = new ArrayList<>();
      byStudent.forEach(
          (key, waves) -> {
            if (key.endsWith(" " + subscale.id().value())) {
              first.add(waves.get("MATRICULATION"));
              second.add(waves.get("Y1"));
            }
          });
      double d = (mean(second) - mean(first)) / ((sd(first) + sd(second)) / 2);
      assertTrue(d > -0.15, subscale.id() + " of the steady class changes by d = " + d);
    }
  }

  private static double sd(List<Double> values) {
    double m = mean(values);
    return Math.sqrt(
        values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / (values.size() - 1));
  }

  private List<HistoricalResult> read(String csv) throws Exception {
    ResultFileValidator validator = new ResultFileValidator(catalog, template.programme(), TODAY);
    CsvReader reader = new CsvReader(new StringReader(csv));
    assertEquals(List.of(), validator.header(reader.next()));
    List<HistoricalResult> results = new ArrayList<>();
    for (List<String> row = reader.next(); row != null; row = reader.next()) {
      ResultFileValidator.Outcome outcome = validator.row(reader.recordNumber(), row);
      assertEquals(List.of(), outcome.problems(), String.join(",", row));
      results.add(outcome.result().orElseThrow());
    }
    return results;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
