package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rapport.lti.session.ServerSecrets;

/**
 * One-time rating links for raters without an LMS account. A link names one rater of one encounter
 * ({@link RaterLinkToken}); it is refused once it has been used (a rating exists), after it
 * expires, when a newer link replaced it, and for any other encounter. It needs no sign-in: the
 * signed token is the permission.
 */
@ApplicationScoped
public class RaterLinks {
  /** The server secret links are signed with. */
  static final String SECRET = "rater-links";

  @Inject ServerSecrets secrets;
  @Inject ObservedRepository repository;
  @Inject Clock clock;

  /** How long a link stays valid after its session's day: {@code rapport.observed.link-days}. */
  public Duration validity() {
    int days =
        ConfigProvider.getConfig()
            .getOptionalValue("rapport.observed.link-days", Integer.class)
            .orElse(14);
    return Duration.ofDays(Math.max(1, days));
  }

  /** The path of the rater's current link, {@code /rate/<token>}. */
  public String path(EncounterRater rater) {
    return "/rate/"
        + new RaterLinkToken(rater.getId(), rater.getLinkIssue()).sign(secrets.bytes(SECRET));
  }

  /**
   * The rater a link names, when it may still be used now; otherwise why not. A used link is
   * refused before an expired one: the rater learns that their rating arrived.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public EncounterRater open(String token) {
    RaterLinkToken named =
        RaterLinkToken.verify(token, secrets.keys(SECRET))
            .orElseThrow(() -> new RatingRefused(LinkRefusal.UNKNOWN));
    EncounterRater rater =
        repository
            .rater(named.raterId())
            .filter(EncounterRater::ratesByLink)
            .orElseThrow(() -> new RatingRefused(LinkRefusal.UNKNOWN));
    if (rater.getLinkIssue() != named.issue()) {
      throw new RatingRefused(LinkRefusal.REVOKED);
    }
    if (repository.ratingBy(rater.getId()).isPresent()) {
      throw new RatingRefused(LinkRefusal.USED);
    }
    if (!OffsetDateTime.now(clock).isBefore(rater.getLinkExpiresAt())) {
      throw new RatingRefused(LinkRefusal.EXPIRED);
    }
    return rater;
  }
}
