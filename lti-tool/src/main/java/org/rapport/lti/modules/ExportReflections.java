package org.rapport.lti.modules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.rapport.lti.launch.LaunchedUser;

/**
 * A student downloads their own reflections, and the drafts of written work they have not yet
 * saved, as one Markdown document, dated by the application clock. Each export is written to the
 * audit log.
 */
@ApplicationScoped
public class ExportReflections {
  private static final Logger AUDIT = Logger.getLogger("org.rapport.lti.audit");

  @Inject ProgressRepository progress;
  @Inject ModuleLibrary library;
  @Inject Clock clock;

  /** {@code user}'s own reflections, oldest first, as Markdown. */
  @Transactional
  public String markdown(LaunchedUser user) {
    List<ReflectionEntry> entries = progress.reflections(user.registrationId(), user.learnerId());
    List<StepDraft> drafts = progress.drafts(user.registrationId(), user.learnerId());
    String text =
        ReflectionExport.markdown(
            entries,
            drafts,
            library.catalog(),
            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    AUDIT.info(
        () ->
            "Learner "
                + user.learnerId()
                + " of registration "
                + user.registrationId()
                + " exported their own "
                + entries.size()
                + " reflection(s) and "
                + drafts.size()
                + " draft(s).");
    return text;
  }
}
