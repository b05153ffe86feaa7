package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.rapport.curriculum.modules.FacilitatorGuide;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleId;

/**
 * The facilitator guide of a module, for faculty running a small-group debrief on it: aims, a plan
 * for the debrief, questions, the module's steps and sources. Read from the catalogue only.
 */
@ApplicationScoped
public class FacilitatorGuides {
  /** Where a guide page leads back to. */
  static String backHref(String token) {
    return "/app/faculty/modules?s=" + token;
  }

  @Inject ModuleLibrary library;

  /** The guide of module {@code moduleId}; empty when there is no such module or it has none. */
  public Optional<FacilitatorGuidePage> guide(String moduleId, String token) {
    Optional<Module> found =
        ModuleId.isValid(moduleId)
            ? library.catalog().find(ModuleId.of(moduleId))
            : Optional.empty();
    if (found.isEmpty() || found.get().facilitatorGuide().isEmpty()) {
      return Optional.empty();
    }
    Module module = found.get();
    FacilitatorGuide guide = module.facilitatorGuide().orElseThrow();
    CitedText cited = new CitedText(module);
    return Optional.of(
        new FacilitatorGuidePage(
            token,
            FacultyCompletionPage.nav(token),
            backHref(token),
            false,
            module.title(),
            module.summary(),
            module.family().label(),
            module.minutes(),
            CourseCompletion.stages(module),
            module.objectives(),
            guide.aims().stream().map(cited::plain).toList(),
            cited.markdown(guide.plan(), 2),
            guide.questions().stream().map(cited::plain).toList(),
            module.steps().stream()
                .map(step -> new StepLine(step.title(), step.kind().label()))
                .toList(),
            CitedText.allReferences(module)));
  }
}
