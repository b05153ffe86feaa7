package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.lti.cohorts.Students;

/**
 * Creates an encounter session with its encounters and invited raters, all or nothing. The caller
 * has checked who may plan it and resolved students and raters; this gives each rater the form for
 * their kind and each link rater a link that lasts {@link RaterLinks#validity()} beyond the
 * session's day (or beyond today, for a session planned after the day).
 */
@ApplicationScoped
public class EncounterPlanning {
  @Inject ObservedRepository repository;
  @Inject RatingForms forms;
  @Inject RaterLinks links;
  @Inject Students students;
  @Inject Clock clock;

  /** What a session is: where it belongs and what it is. */
  public record SessionPlan(
      long registrationId,
      Long courseId,
      String title,
      EncounterSetting setting,
      LocalDate heldOn,
      String stage,
      SessionOrigin origin,
      String createdBy) {
    public SessionPlan {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(setting, "setting");
      Objects.requireNonNull(heldOn, "heldOn");
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(createdBy, "createdBy");
    }
  }

  /** One encounter to plan: the student (a {@code student} row), the station, the raters. */
  public record PlannedEncounter(
      long studentId, String station, String moduleIdOrNull, List<PlannedRater> raters) {
    public PlannedEncounter {
      Objects.requireNonNull(station, "station");
      raters = List.copyOf(raters);
    }
  }

  /**
   * One rater: a launched user ({@code learnerIdOrNull}) rates inside the LMS; anyone else gets a
   * one-time link (name and address optional, for the sheet and the mail).
   */
  public record PlannedRater(
      RaterType type, Long learnerIdOrNull, String nameOrNull, String emailOrNull) {
    public PlannedRater {
      Objects.requireNonNull(type, "type");
    }
  }

  /** Creates the session, its encounters and raters in one transaction. */
  @Transactional
  public EncounterSession create(SessionPlan plan, List<PlannedEncounter> encounters) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    EncounterSession session =
        repository.add(
            new EncounterSession(
                plan.registrationId(),
                plan.courseId(),
                plan.title(),
                plan.setting(),
                plan.heldOn(),
                plan.stage(),
                plan.origin(),
                plan.createdBy(),
                now));
    repository.flush();
    OffsetDateTime dayEnds = plan.heldOn().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime linksEnd = (dayEnds.isAfter(now) ? dayEnds : now).plus(links.validity());
    for (PlannedEncounter planned : encounters) {
      Encounter encounter =
          repository.add(
              new Encounter(
                  session.getId(),
                  planned.studentId(),
                  planned.station(),
                  planned.moduleIdOrNull(),
                  now));
      repository.flush();
      for (PlannedRater rater : planned.raters()) {
        repository.add(
            rater.learnerIdOrNull() != null
                ? EncounterRater.launched(
                    encounter.getId(),
                    rater.type(),
                    rater.learnerIdOrNull(),
                    forms.formFor(rater.type()),
                    now)
                : EncounterRater.withLink(
                    encounter.getId(),
                    rater.type(),
                    rater.nameOrNull(),
                    rater.emailOrNull(),
                    forms.formFor(rater.type()),
                    linksEnd,
                    now));
      }
    }
    repository.flush();
    return session;
  }

  /** The student record of a course member, made when they have none yet. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long studentFor(long registrationId, String subject) {
    return students.ensureForSubject(registrationId, subject).getId();
  }
}
