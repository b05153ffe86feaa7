package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.Step;
import org.rapport.curriculum.modules.TrainingPhase;
import org.rapport.lti.web.Pages;

/** The player's pages rendered from the shipped catalogue, without a server. */
class ModulePagesTest {
  private static final ModuleCatalog CATALOG = ModuleCatalog.load(null);
  private static final Pattern SECTION =
      Pattern.compile("<section class=\"family\" aria-labelledby=\"family-([a-z-]+)\">");
  private static final Pattern CARD = Pattern.compile("data-module=\"([a-z0-9-]+)\"");

  private final ModulePages pages = new ModulePages();

  ModulePagesTest() {
    pages.pages = new Pages();
  }

  private static Map<String, ProgressSummary> notStarted() {
    Map<String, ProgressSummary> progress = new HashMap<>();
    CATALOG
        .all()
        .forEach(m -> progress.put(m.id().value(), ProgressSummary.of(m, null, Set.of(), false)));
    return progress;
  }

  private static List<String> all(Pattern pattern, String html) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void theModulesForTheStudentsStageComeFirst() {
    String html = pages.catalogue(CATALOG, notStarted(), Optional.of(TrainingPhase.RESIDENCY), "t");

    List<String> sections = all(SECTION, html);
    assertEquals("for-you", sections.get(0), sections.toString());
    assertTrue(html.contains("For your stage of training: Residency"));
    String first = html.substring(0, html.indexOf("family-" + sections.get(1)));
    List<String> forYou = all(CARD, first);
    List<String> expected =
        CATALOG.all().stream()
            .filter(m -> m.suits(TrainingPhase.RESIDENCY))
            .map(m -> m.id().value())
            .toList();
    assertEquals(expected, forYou);
    List<String> cards = all(CARD, html);
    assertEquals(CATALOG.size(), cards.size(), "every module once");
    assertEquals(CATALOG.size(), Set.copyOf(cards).size());
  }

  @Test
  void withoutAKnownStageTheCatalogueIsByFamily() {
    String html = pages.catalogue(CATALOG, notStarted(), Optional.empty(), "t");

    List<String> sections = all(SECTION, html);
    assertFalse(sections.contains("for-you"));
    assertEquals("communication", sections.get(0));
  }

  private String checkPage(String learnerKey) {
    Module module = CATALOG.find(ModuleId.of("teach-back")).orElseThrow();
    Step check = module.step("check").orElseThrow();
    ModulePlayer.StepState state =
        new ModulePlayer.StepState(
            learnerKey,
            ProgressSummary.of(module, null, Set.of(), false),
            Set.of(),
            null,
            null,
            null,
            null);
    return pages.step(module, check, state, "t", null);
  }

  @Test
  void eachLearnerSeesTheOptionsInAnOrderOfTheirOwn() {
    Pattern option = Pattern.compile("id=\"(q\\d-\\d)\"");
    List<String> first = all(option, checkPage("1:1"));

    assertEquals(16, first.size());
    assertEquals(first, all(option, checkPage("1:1")), "the same learner, the same order");
    boolean someoneDiffers = false;
    for (int learner = 2; learner < 12 && !someoneDiffers; learner++) {
      someoneDiffers = !first.equals(all(option, checkPage("1:" + learner)));
    }
    assertTrue(someoneDiffers, "ten other learners all saw " + first);
  }

  @Test
  void aReadingShowsItsCitationsAsLinksToItsReferences() {
    Module module = CATALOG.find(ModuleId.of("teach-back")).orElseThrow();
    Step reading = module.step("what-teach-back-is").orElseThrow();
    ModulePlayer.StepState state =
        new ModulePlayer.StepState(
            "1:1",
            ProgressSummary.of(module, null, Set.of(), false),
            Set.of(),
            null,
            null,
            null,
            null);

    String html = pages.step(module, reading, state, "t", null);

    assertTrue(html.contains("<a class=\"citation\" href=\"#ref-kessels-2003\">"), html);
    assertTrue(html.contains("<h2 id=\"references-heading\">References</h2>"));
    assertTrue(html.contains("<li id=\"ref-kessels-2003\" value=\"1\">"));
    assertTrue(html.contains("<li id=\"ref-schillinger-2003\" value=\"2\">"));
    assertFalse(html.contains("[@"));
  }

  private String reflectionPage(String learnerKey, ReflectionEntry entry, StepDraft draft) {
    Module module = CATALOG.find(ModuleId.of("teach-back")).orElseThrow();
    Step reflect = module.step("reflect").orElseThrow();
    ModulePlayer.StepState state =
        new ModulePlayer.StepState(
            learnerKey,
            ProgressSummary.of(module, null, Set.of(), false),
            Set.of(),
            null,
            entry,
            draft,
            null);
    return pages.step(module, reflect, state, "tok", null);
  }

  private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-05T12:00:00Z");

  @Test
  void aDraftIsShownInTheBoxInsteadOfTheSavedReflectionWithWhenItWasSaved() {
    ReflectionEntry entry = new ReflectionEntry(1, 1, "teach-back", "reflect", "Saved text.", NOON);
    StepDraft draft =
        new StepDraft(
            1, 1, "teach-back", "reflect", "Saved text, and <more>.", NOON.plusMinutes(2));

    String html = reflectionPage("1:1", entry, draft);

    assertTrue(html.contains(">Saved text, and &lt;more&gt;.</textarea>"), html);
    assertTrue(
        html.contains("data-draft-url=\"/app/modules/teach-back/steps/reflect/draft?s&#61;tok\""),
        html);
    assertTrue(html.contains("Draft saved 5 December 2026 at 12:02 UTC."), html);
    assertTrue(html.contains("aria-live=\"polite\""));
    assertTrue(html.contains("<script src=\"/assets/drafts.js\"></script>"));
    assertTrue(html.contains("id=\"draft-restored\" tabindex=\"-1\" hidden"), "hidden at first");
  }

  @Test
  void withoutADraftTheBoxShowsTheSavedReflectionAndNoDraftTime() {
    ReflectionEntry entry = new ReflectionEntry(1, 1, "teach-back", "reflect", "Saved text.", NOON);

    String html = reflectionPage("1:1", entry, null);

    assertTrue(html.contains(">Saved text.</textarea>"), html);
    assertFalse(html.contains("Draft saved"));
  }

  @Test
  void theBrowsersKeyForATextNamesTheStepAndNobody() {
    Module module = CATALOG.find(ModuleId.of("teach-back")).orElseThrow();
    Step reflect = module.step("reflect").orElseThrow();

    String key = ModulePages.draftKey(module, reflect, "7:42");

    assertTrue(key.matches("teach-back/reflect/[0-9a-f]{16}"), key);
    assertFalse(key.contains("42"), key);
    assertEquals(key, ModulePages.draftKey(module, reflect, "7:42"), "stable across launches");
    assertFalse(key.equals(ModulePages.draftKey(module, reflect, "7:43")), "one per learner");
  }

  @Test
  void aRefusedFormsTextComesBeforeTheDraftAndTheDraftBeforeTheSubmittedText() {
    StepDraft draft = new StepDraft(1, 1, "m", "s", "draft", NOON);
    Draft refused = Draft.of(PlayerProblem.TEXT_TOO_LONG).withText("refused", null);

    assertEquals("refused", ModulePages.shownText(refused, draft, "submitted"));
    assertEquals("draft", ModulePages.shownText(null, draft, "submitted"));
    assertEquals("submitted", ModulePages.shownText(null, null, "submitted"));
    assertEquals("", ModulePages.shownText(null, null, null));
  }
}
