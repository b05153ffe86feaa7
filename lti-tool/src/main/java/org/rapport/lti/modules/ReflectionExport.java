package org.rapport.lti.modules;

import java.time.OffsetDateTime;
import java.util.List;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.Step;

/**
 * Writes a student's reflections as one Markdown document, oldest first, followed by the drafts of
 * practice answers and reflections they have not yet saved.
 */
final class ReflectionExport {
  private ReflectionExport() {}

  static String markdown(List<ReflectionEntry> entries, ModuleCatalog catalog, OffsetDateTime now) {
    return markdown(entries, List.of(), catalog, now);
  }

  static String markdown(
      List<ReflectionEntry> entries,
      List<StepDraft> drafts,
      ModuleCatalog catalog,
      OffsetDateTime now) {
    StringBuilder out = new StringBuilder(reflections(entries, catalog, now));
    if (drafts.isEmpty()) {
      return out.toString();
    }
    out.append("\n---\n\n# Drafts not yet saved\n\n");
    out.append(
        "Text you were writing in a practice or reflection step and have not saved there yet.\n");
    for (StepDraft draft : drafts) {
      Module module =
          ModuleId.isValid(draft.getModuleId())
              ? catalog.find(ModuleId.of(draft.getModuleId())).orElse(null)
              : null;
      Step step = module == null ? null : module.step(draft.getStepId()).orElse(null);
      out.append("\n## ").append(oneLine(module == null ? draft.getModuleId() : module.title()));
      out.append(": ").append(oneLine(step == null ? draft.getStepId() : step.title()));
      out.append("\n\nDraft saved ").append(ModulePages.when(draft.getSavedAt())).append(".\n\n");
      out.append(draft.getBody().strip()).append('\n');
    }
    return out.toString();
  }

  private static String reflections(
      List<ReflectionEntry> entries, ModuleCatalog catalog, OffsetDateTime now) {
    StringBuilder out = new StringBuilder();
    out.append("# My reflections in Rapport\n\n");
    out.append("Downloaded on ").append(ModulePages.when(now)).append(".\n\n");
    out.append(
        "These are your private journal entries from Rapport's modules. Nobody else can read them"
            + " in Rapport; this copy is yours to keep.\n");
    if (entries.isEmpty()) {
      out.append("\nYou have not written any reflections yet.\n");
      return out.toString();
    }
    for (ReflectionEntry entry : entries) {
      Module module =
          ModuleId.isValid(entry.getModuleId())
              ? catalog.find(ModuleId.of(entry.getModuleId())).orElse(null)
              : null;
      Step step = module == null ? null : module.step(entry.getStepId()).orElse(null);
      String moduleTitle = module == null ? entry.getModuleId() : module.title();
      String stepTitle = step == null ? entry.getStepId() : step.title();
      out.append("\n---\n\n## ").append(oneLine(moduleTitle)).append(": ");
      out.append(oneLine(stepTitle)).append("\n\n");
      out.append("Written ").append(ModulePages.when(entry.getCreatedAt()));
      if (!entry.getUpdatedAt().equals(entry.getCreatedAt())) {
        out.append(", last changed ").append(ModulePages.when(entry.getUpdatedAt()));
      }
      out.append(".\n\n");
      if (step instanceof ReflectionStep reflection) {
        for (String line : reflection.prompt().strip().split("\n", -1)) {
          out.append(line.isBlank() ? ">" : "> " + line).append('\n');
        }
        out.append('\n');
      }
      out.append(entry.getBody().strip()).append('\n');
    }
    return out.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
