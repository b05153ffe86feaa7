package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.modules.ModuleCatalog;

class ReflectionExportTest {
  private static final ModuleCatalog CATALOG = ModuleCatalog.load(null);
  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 3, 4, 9, 30, 0, 0, ZoneOffset.UTC);

  @Test
  void listsEachReflectionUnderItsModuleAndPrompt() {
    ReflectionEntry entry =
        new ReflectionEntry(1, 2, "teach-back", "reflect", "I will ask \"what will you do\".", NOW);
    String text = ReflectionExport.markdown(List.of(entry), CATALOG, NOW);
    assertTrue(text.startsWith("# My reflections in Rapport\n"), text);
    assertTrue(
        text.contains("## Teach-back: checking that your explanation landed: Reflect"), text);
    assertTrue(text.contains("Written 4 March 2026 at 09:30 UTC."), text);
    assertTrue(text.contains("> Think of a time you were given instructions"), text);
    assertTrue(text.contains("I will ask \"what will you do\"."), text);
  }

  @Test
  void aModuleNoLongerOfferedIsNamedByItsId() {
    ReflectionEntry entry = new ReflectionEntry(1, 2, "retired-module", "reflect", "Kept.", NOW);
    String text = ReflectionExport.markdown(List.of(entry), CATALOG, NOW);
    assertTrue(text.contains("## retired-module: reflect"), text);
    assertTrue(text.contains("Kept."), text);
  }

  @Test
  void saysSoWhenThereIsNothingYet() {
    assertTrue(
        ReflectionExport.markdown(List.of(), CATALOG, NOW)
            .contains("You have not written any reflections yet."));
  }

  @Test
  void draftsNotYetSavedFollowTheReflectionsWithTheirText() {
    ReflectionEntry entry = new ReflectionEntry(1, 2, "teach-back", "reflect", "Saved one.", NOW);
    StepDraft practice =
        new StepDraft(1, 2, "teach-back", "teach-back-practice", "Half an answer", NOW);

    String text = ReflectionExport.markdown(List.of(entry), List.of(practice), CATALOG, NOW);

    int drafts = text.indexOf("# Drafts not yet saved");
    assertTrue(drafts > text.indexOf("Saved one."), text);
    assertTrue(
        text.indexOf("## Teach-back: checking that your explanation landed: Write a teach-back")
            > drafts,
        text);
    assertTrue(text.contains("Draft saved 4 March 2026 at 09:30 UTC.\n\nHalf an answer\n"), text);
  }

  @Test
  void withoutDraftsThereIsNoDraftSection() {
    ReflectionEntry entry = new ReflectionEntry(1, 2, "teach-back", "reflect", "Saved one.", NOW);
    assertFalse(
        ReflectionExport.markdown(List.of(entry), List.of(), CATALOG, NOW).contains("Drafts"));
  }
}
