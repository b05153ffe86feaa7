package org.rapport.curriculum.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.assessments.ScoringStatus;
import org.rapport.curriculum.testdata.AnswerSheet;
import org.rapport.curriculum.testdata.TestInstruments;

/** Rapport's two shipped rating forms and how the catalog keeps rating forms apart. */
class RatingFormsTest {

  private static final InstrumentRef PATIENT_FORM = InstrumentRef.of("rapport-observed-patient", 1);
  private static final InstrumentRef OBSERVER_FORM =
      InstrumentRef.of("rapport-observed-observer", 1);
  private static final SubscaleId COGNITIVE = SubscaleId.of("cognitive");
  private static final SubscaleId AFFECTIVE = SubscaleId.of("affective");
  private static final SubscaleId ACTION = SubscaleId.of("compassionate-action");

  private final InstrumentCatalog catalog = InstrumentCatalog.shipped();

  @TempDir Path institution;

  private Instrument patientForm() {
    return catalog.find(PATIENT_FORM).orElseThrow();
  }

  private Instrument observerForm() {
    return catalog.find(OBSERVER_FORM).orElseThrow();
  }

  @Test
  void bothFormsLoadAsFormativeRatingFormsOfTenItemsOnALabelledFivePointScale() {
    for (Instrument form : List.of(patientForm(), observerForm())) {
      assertTrue(form.isRatingForm(), form.ref().toString());
      assertEquals(InstrumentKind.FORMATIVE, form.kind());
      assertTrue(
          form.description().orElseThrow().contains("not a validated research instrument"),
          form.description().orElseThrow());
      assertEquals(10, form.items().size());
      assertEquals(
          Map.of(1, "Poor", 2, "Fair", 3, "Good", 4, "Very good", 5, "Excellent"),
          form.scale().labels());
      assertEquals(new ScoreRange(10, 50), form.scoreRange());
      assertTrue(form.textsSupplied());
      assertTrue(form.items().stream().noneMatch(Item::reverse), "no reverse-keyed items");
      assertTrue(form.licence().contains("no separate licence is needed"));
      String prompt = form.commentPrompt().orElseThrow();
      assertTrue(prompt.contains("helped") && prompt.contains("differently"), prompt);
    }
  }

  @Test
  void thePatientRatesOneFormAndFacultyAndPeersTheOther() {
    assertEquals(Set.of(RaterType.PATIENT), patientForm().ratedBy());
    assertEquals(Set.of(RaterType.FACULTY, RaterType.PEER), observerForm().ratedBy());
    assertTrue(observerForm().ratedBy(RaterType.PEER));
    assertFalse(observerForm().ratedBy(RaterType.PATIENT));
    assertTrue(TestInstruments.rapportEmpathyV2().ratedBy().isEmpty());
    assertFalse(TestInstruments.rapportEmpathyV2().isRatingForm());
    assertTrue(TestInstruments.rapportEmpathyV2().commentPrompt().isEmpty());
  }

  @Test
  void thePatientFormSpeaksFromThePatientsSideAndTheObserverFormAboutThePatient() {
    for (Item item : patientForm().items()) {
      String text = item.text().orElseThrow();
      assertTrue(text.startsWith("The student") || text.contains("the student"), text);
      assertTrue(text.matches(".*\\b(me|I|my)\\b.*"), text);
      assertFalse(text.contains("the patient"), text);
    }
    for (Item item : observerForm().items()) {
      String text = item.text().orElseThrow();
      assertTrue(text.contains("the student") || text.startsWith("The student"), text);
      assertTrue(text.contains("patient"), text);
      assertFalse(text.matches(".*\\b(me|I|my)\\b.*"), text);
    }
    Set<String> patientTexts =
        patientForm().items().stream().map(i -> i.text().orElseThrow()).collect(Collectors.toSet());
    assertEquals(10, patientTexts.size(), "distinct statements");
  }

  @Test
  void theSubscalesAreTheSelfAssessmentsLayersSoTheGapCanBeTakenPerDomain() {
    List<Subscale> selfAssessment = TestInstruments.rapportEmpathyV2().subscales();
    for (Instrument form : List.of(patientForm(), observerForm())) {
      assertEquals(
          selfAssessment.stream().map(s -> s.id().value() + "=" + s.label()).toList(),
          form.subscales().stream().map(s -> s.id().value() + "=" + s.label()).toList());
    }
  }

  @Test
  void theTwoFormsAreParallelItemByItem() {
    assertEquals(
        patientForm().items().stream().map(i -> i.number() + ":" + i.subscale()).toList(),
        observerForm().items().stream().map(i -> i.number() + ":" + i.subscale()).toList());
    assertEquals(List.of(2, 3, 4), numbers(observerForm(), COGNITIVE));
    assertEquals(List.of(1, 5, 6), numbers(observerForm(), AFFECTIVE));
    assertEquals(List.of(7, 8, 9, 10), numbers(observerForm(), ACTION));
  }

  /**
   * Worked by hand: answers 4 3 5 2 4 5 3 4 3 2 give cognitive (2, 3, 4) 3+5+2 = 10, affective (1,
   * 5, 6) 4+4+5 = 13, compassionate action (7-10) 3+4+3+2 = 12, total 35.
   */
  @Test
  void scoresAKnownRating() {
    ScoringResult score =
        Scorer.score(
            patientForm(), AnswerSheet.of(patientForm(), 4, 3, 5, 2, 4, 5, 3, 4, 3, 2).toAnswers());

    assertEquals(ScoringStatus.COMPLETE, score.status());
    assertEquals(OptionalInt.of(10), score.subscale(COGNITIVE).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(13), score.subscale(AFFECTIVE).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(12), score.subscale(ACTION).orElseThrow().exactSum());
    assertEquals(OptionalInt.of(35), score.total().orElseThrow().exactSum());
  }

  /**
   * Item 6 ("when the patient was upset") could not be judged: affective is prorated from items 1
   * and 5, (4 + 4) / 2 × 3 = 12, and the total is 10 + 12 + 12 = 34.
   */
  @Test
  void proratesAnItemTheRaterCouldNotJudge() {
    ScoringResult score =
        Scorer.score(
            observerForm(),
            AnswerSheet.of(observerForm(), 4, 3, 5, 2, 4, 5, 3, 4, 3, 2).without(6).toAnswers());

    assertEquals(ScoringStatus.PRORATED, score.status());
    assertEquals(List.of(6), score.missingItems());
    assertEquals(12.0, score.subscale(AFFECTIVE).orElseThrow().value(), 1e-9);
    assertEquals(34.0, score.total().orElseThrow().value(), 1e-9);
  }

  @Test
  void twoItemsOfOneLayerLeftOutGiveNoScore() {
    ScoringResult score =
        Scorer.score(observerForm(), AnswerSheet.all(observerForm(), 4).without(5, 6).toAnswers());

    assertEquals(ScoringStatus.INCOMPLETE, score.status());
    assertFalse(score.scored());
  }

  @Test
  void ratingFormsAreNeverSchedulableButStayFindable() {
    for (Instrument form : List.of(patientForm(), observerForm())) {
      assertFalse(form.schedulable());
      assertTrue(catalog.schedulable().stream().noneMatch(i -> i.ref().equals(form.ref())));
      assertTrue(catalog.selfReports().stream().noneMatch(i -> i.ref().equals(form.ref())));
      assertEquals(form, catalog.get(form.id(), 1));
      assertEquals(form, catalog.latest(form.id()).orElseThrow());
    }
    assertEquals(
        "Observed (observer) is a rating form that faculty or peers fill in about a student;"
            + " it cannot be a self-assessment",
        observerForm().unschedulableReason().orElseThrow());
    assertEquals(
        "Observed (patient) is a rating form that standardized patients fill in about a student;"
            + " it cannot be a self-assessment",
        patientForm().unschedulableReason().orElseThrow());
    assertTrue(catalog.schedulable().contains(TestInstruments.rapportEmpathyV2()));
  }

  @Test
  void listsTheNewestRatingFormsOfEachRaterType() throws Exception {
    assertEquals(List.of(patientForm()), catalog.ratingForms(RaterType.PATIENT));
    assertEquals(List.of(observerForm()), catalog.ratingForms(RaterType.FACULTY));
    assertEquals(List.of(observerForm()), catalog.ratingForms(RaterType.PEER));

    String v2 =
        shippedText("rapport-observed-observer.yaml")
            .replace("version: 1", "version: 2")
            .replace("rated_by: [faculty, peer]", "rated_by: [faculty]");
    Files.writeString(institution.resolve("observer-v2.yaml"), v2);
    InstrumentCatalog withV2 = InstrumentCatalog.load(institution);

    assertEquals(List.of(2), versions(withV2.ratingForms(RaterType.FACULTY)));
    assertEquals(List.of(1), versions(withV2.ratingForms(RaterType.PEER)));
    assertTrue(withV2.find(OBSERVER_FORM).isPresent(), "version 1 stays for its ratings");
  }

  /** An institution's own licensed form: definition in its folder, wording in its texts file. */
  @Test
  void anInstitutionsLicensedRatingFormWorksOnceItsTextsAreSupplied() throws Exception {
    Files.writeString(
        institution.resolve("osce-station.yaml"),
        """
        id: osce-station
        version: 1
        title: OSCE communication station (licensed)
        short_title: OSCE station
        kind: validated
        licence: Licensed to the institution by its publisher; the wording is not shipped.
        rated_by: [faculty, patient]
        comment_prompt: Anything the student should know?
        scale: {min: 1, max: 4, labels: {1: Not done, 4: Done well}}
        texts: licensee
        subscales:
          - {id: cognitive, label: Cognitive empathy, description: Understanding.}
          - {id: compassionate-action, label: Compassionate action, description: Acting.}
        items:
          - {number: 1, reverse: false, subscale: cognitive}
          - {number: 2, reverse: false, subscale: cognitive}
          - {number: 3, reverse: false, subscale: compassionate-action}
          - {number: 4, reverse: false, subscale: compassionate-action}
        total: {label: Station total}
        missing: {max_missing_per_subscale: 1, max_missing_total: 1, method: prorate-mean}
        """);
    Path texts = Files.createTempDirectory("texts").resolve("osce-station-texts.yaml");
    Files.writeString(
        texts,
        "instrument: osce-station\nversion: 1\nitems:\n"
            + IntStream.rangeClosed(1, 4)
                .mapToObj(n -> "  " + n + ": Licensed wording " + n + "\n")
                .collect(Collectors.joining()));

    InstrumentCatalog loaded = InstrumentCatalog.load(institution);
    Instrument withoutTexts = loaded.get(InstrumentId.of("osce-station"), 1);
    assertTrue(withoutTexts.isRatingForm());
    assertFalse(withoutTexts.textsSupplied());
    assertEquals(
        "OSCE station item texts have not been supplied:"
            + " set rapport.instruments.osce-station.texts to the licensed texts file",
        withoutTexts.textsMissingReason().orElseThrow());

    InstrumentCatalog supplied = loaded.withLicensedTexts(texts);
    Instrument form = supplied.get(InstrumentId.of("osce-station"), 1);
    assertTrue(form.textsSupplied());
    assertFalse(form.schedulable(), "still a rating form, never a self-assessment");
    assertEquals(Set.of(RaterType.PATIENT, RaterType.FACULTY), form.ratedBy());
    assertEquals("Anything the student should know?", form.commentPrompt().orElseThrow());
    assertEquals("Licensed wording 3", form.item(3).orElseThrow().text().orElseThrow());
    assertEquals(List.of(form, patientForm()), supplied.ratingForms(RaterType.PATIENT));
    assertEquals(
        ScoringStatus.COMPLETE, Scorer.score(form, AnswerSheet.all(form, 3).toAnswers()).status());
    assertEquals(
        supplied.schedulable().stream().map(Instrument::ref).toList(),
        loaded.schedulable().stream().map(Instrument::ref).toList());
  }

  @Test
  void raterTypesHaveCodesAndLabels() {
    assertEquals(RaterType.PATIENT, RaterType.fromCode("patient"));
    assertEquals("faculty", RaterType.FACULTY.code());
    assertEquals("Standardized patient", RaterType.PATIENT.label());
    assertEquals("Peer", RaterType.PEER.label());
    assertTrue(RaterType.find("examiner").isEmpty());
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> RaterType.fromCode("examiner"));
    assertEquals(
        "rater type must be one of patient, faculty, peer, not 'examiner'", e.getMessage());
  }

  private static String shippedText(String name) {
    try (var in =
        RatingFormsTest.class.getClassLoader().getResourceAsStream("instruments/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Integer> versions(List<Instrument> forms) {
    return forms.stream().map(Instrument::version).toList();
  }

  private static List<Integer> numbers(Instrument instrument, SubscaleId subscale) {
    return instrument.itemsIn(subscale).stream().map(Item::number).toList();
  }
}
