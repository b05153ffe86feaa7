package org.rapport.lti.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.lti.registration.PlatformRegistration;
import org.rapport.lti.registration.RegistrationRepository;

/** What administrators see of the score outbox, per registration. */
@ApplicationScoped
public class ScoreReports {
  @Inject ScoreOutbox outbox;
  @Inject RegistrationRepository registrations;

  public List<ScoreCountsView> summary() {
    return registrations.all().stream().map(this::counts).toList();
  }

  public Optional<ScoreReportView> report(long registrationId, int limit) {
    return registrations
        .find(registrationId)
        .map(
            r ->
                new ScoreReportView(
                    counts(r),
                    outbox.list(r.getId(), ScoreStatus.QUEUED, limit),
                    outbox.list(r.getId(), ScoreStatus.DELIVERED, limit),
                    outbox.list(r.getId(), ScoreStatus.DEAD_LETTERED, limit)));
  }

  private ScoreCountsView counts(PlatformRegistration r) {
    Map<ScoreStatus, Long> counts = outbox.counts(r.getId());
    return new ScoreCountsView(
        r.getId(),
        r.getName(),
        counts.get(ScoreStatus.QUEUED),
        counts.get(ScoreStatus.DELIVERED),
        counts.get(ScoreStatus.DEAD_LETTERED),
        counts.get(ScoreStatus.SUPERSEDED));
  }
}
