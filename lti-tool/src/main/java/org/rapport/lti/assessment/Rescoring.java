package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.curriculum.assessments.AnswerRejected;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.assessments.ScoringResult;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.web.BodyProblems;
import org.rapport.lti.web.InvalidRequestException;
import org.rapport.lti.web.RequestChecks;

/**
 * Re-scores answers with another version of their instrument's definition, when an administrator
 * asks for it (never automatically). Every earlier score is kept; the new one is stored with the
 * version that computed it and the run that asked for it, and becomes the response's current score.
 * Running it again changes nothing.
 */
@ApplicationScoped
@Transactional
public class Rescoring {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Instruments instruments;
  @Inject Responses responses;
  @Inject ScoreStore scores;
  @Inject AuditLog audit;
  @Inject RequestChecks checks;

  /** What a run did. */
  public record Outcome(
      long runId,
      String instrument,
      int fromVersion,
      int toVersion,
      int rescored,
      int alreadyScored,
      int withoutAnswers,
      int notScorable) {}

  /** Why a run could not start. */
  public static class RescoreRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RescoreRefused(String message) {
      super(message);
    }
  }

  /**
   * Re-scores what an administrator asks for.
   *
   * @throws InvalidRequestException with every problem of the request
   * @throws RescoreRefused when the versions do not share their items and answer scale
   */
  public Outcome rescore(RescoreRequestView request, String by) {
    BodyProblems problems = checks.of(request);
    Optional<Instrument> from = Optional.empty();
    Optional<Instrument> to = Optional.empty();
    if (problems.isEmpty()) {
      checks.add(problems, request, RescoreRequestView.Versions.class);
      String id = request.instrument().strip();
      from = installed(problems, "fromVersion", id, request.fromVersion());
      to = installed(problems, "toVersion", id, request.toVersion());
    }
    problems.throwIfAny();
    return rescore(from.get().ref(), to.get().ref(), by);
  }

  private Optional<Instrument> installed(
      BodyProblems problems, String field, String id, Integer version) {
    if (version == null) {
      return Optional.empty();
    }
    Optional<Instrument> found = instruments.find(id, version);
    if (found.isEmpty()) {
      problems.add(field, InstrumentRef.of(id, Math.max(1, version)) + " is not installed.");
    } else if (found.get().isRatingForm()) {
      problems.add(
          field,
          found.get().ref()
              + " is a rating form; re-scoring applies to self-assessment answers only.");
      return Optional.empty();
    }
    return found;
  }

  public Outcome rescore(InstrumentRef from, InstrumentRef to, String by) {
    Instrument target = instruments.get(to);
    Instrument source = instruments.get(from);
    if (!source.scale().equals(target.scale())
        || source.items().stream().anyMatch(i -> target.item(i.number()).isEmpty())) {
      throw new RescoreRefused(
          to
              + " does not have every item of "
              + from
              + " on the same answer scale, so answers given to "
              + from
              + " cannot be scored with it.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    RescoreRun run = new RescoreRun(from.id().value(), from.version(), to.version(), by, now);
    em.persist(run);
    em.flush();
    List<AssessmentResponse> candidates =
        em.createQuery(
                "select r from AssessmentResponse r where r.instrumentId = :i and"
                    + " r.instrumentVersion = :v and r.status <> :draft",
                AssessmentResponse.class)
            .setParameter("i", from.id().value())
            .setParameter("v", from.version())
            .setParameter("draft", ResponseStatus.DRAFT)
            .getResultList();
    int rescored = 0;
    int already = 0;
    int withoutAnswers = 0;
    int notScorable = 0;
    Scorer scorer = new Scorer(target);
    for (AssessmentResponse r : candidates) {
      if (scores.find(r.getId(), to.version()).isPresent()) {
        already++;
        continue;
      }
      Map<Integer, Integer> given = responses.answers(r.getId());
      if (given.isEmpty()) {
        withoutAnswers++;
        continue;
      }
      ScoringResult score;
      try {
        score = scorer.score(Answers.of(target, given));
      } catch (AnswerRejected e) {
        notScorable++;
        continue;
      }
      if (!score.scored()) {
        notScorable++;
        continue;
      }
      scores.store(r.getId(), to.version(), score, run.getId());
      r.rescored(to.version(), now);
      rescored++;
    }
    run.finished(rescored);
    audit.admin(
        by,
        AuditAction.RESCORED,
        null,
        null,
        rescored + " responses to " + from + " re-scored with " + to);
    return new Outcome(
        run.getId(),
        from.id().value(),
        from.version(),
        to.version(),
        rescored,
        already,
        withoutAnswers,
        notScorable);
  }

  public List<RescoreRun> runs() {
    return em.createQuery(
            "select r from RescoreRun r order by r.requestedAt desc", RescoreRun.class)
        .setMaxResults(100)
        .getResultList();
  }
}
