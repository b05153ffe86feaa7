package org.rapport.lti.activities;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.lti.modules.ModuleLibrary;

/**
 * The activities Rapport offers: every module of the installation's catalogue ({@link
 * ModuleLibrary}: shipped and institution modules, by family, then title) and the empathy
 * self-assessment, which is taken in yearly waves.
 */
@ApplicationScoped
public class Activities {
  private List<Activity> all;

  @Inject ModuleLibrary library;

  /** The shipped activities, outside a container (tests, tools). */
  public static Activities shipped() {
    Activities activities = new Activities();
    activities.init(ModuleCatalog.load(null));
    return activities;
  }

  @PostConstruct
  void load() {
    init(library.catalog());
  }

  private void init(ModuleCatalog catalog) {
    List<Activity> activities = new ArrayList<>();
    for (Module module : catalog.all()) {
      activities.add(of(module));
    }
    activities.add(selfAssessment());
    all = List.copyOf(activities);
  }

  public static Activity of(Module module) {
    return new Activity(
        "module:" + module.id().value(),
        module.id().value(),
        module.title(),
        module.summary(),
        Activity.MODULE_PAGE_PREFIX + module.id().value(),
        module.family(),
        module.minutes());
  }

  public static Activity selfAssessment() {
    return new Activity(
        Activity.SELF_ASSESSMENT_KEY,
        Activity.SELF_ASSESSMENT_RESOURCE_ID,
        "Empathy self-assessment",
        "The yearly empathy self-assessment: students answer once per wave and see their own"
            + " trajectory; faculty see cohort trends only.",
        Activity.SELF_ASSESSMENT_PAGE,
        null,
        15);
  }

  public List<Activity> all() {
    return all;
  }

  public Optional<Activity> byKey(String key) {
    return all.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  public Optional<Activity> module(ModuleId id) {
    return byKey("module:" + id.value());
  }

  /** The activity a resource link opens, from the Rapport page it targets. */
  public Optional<Activity> forPage(String page) {
    return all.stream().filter(a -> a.page().equals(page)).findFirst();
  }

  /** Activities whose title, summary or family contain every word of {@code query}. */
  public static List<Activity> search(List<Activity> activities, String query) {
    if (query == null || query.isBlank()) {
      return activities;
    }
    String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
    return activities.stream()
        .filter(
            a -> {
              String text =
                  (a.title()
                          + " "
                          + a.summary()
                          + " "
                          + (a.family() == null ? "self-assessment" : a.family().label()))
                      .toLowerCase(Locale.ROOT);
              for (String word : words) {
                if (!text.contains(word)) {
                  return false;
                }
              }
              return true;
            })
        .toList();
  }
}
