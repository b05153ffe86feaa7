package org.rapport.lti.roster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.launch.LaunchRecorded;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.protocol.claims.NrpsEndpoint;
import org.rapport.lti.web.ConflictException;
import org.rapport.lti.web.MissingException;

/**
 * Roster refresh jobs in transactions. A recorded launch with the NRPS claim keeps the course's
 * memberships URL and, when its roster is stale, makes a refresh due; this happens after the launch
 * committed, in a transaction of its own, so it can neither delay nor fail a launch.
 */
@ApplicationScoped
public class RosterJobs {
  @Inject Clock clock;
  private static final Logger LOG = Logger.getLogger(RosterJobs.class.getName());

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject AuditLog audit;

  private final RosterStore store = new RosterStore();

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T jdbc(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Roster jobs: " + e.getMessage(), e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void onLaunch(@Observes(during = TransactionPhase.AFTER_SUCCESS) LaunchRecorded launch) {
    Optional<NrpsEndpoint> nrps = launch.launch().nrps();
    if (launch.courseId() == null || nrps.isEmpty()) {
      return;
    }
    try {
      jdbc(
          c -> {
            store.launched(
                c,
                launch.courseId(),
                launch.registrationId(),
                nrps.get().contextMembershipsUrl(),
                clock.instant());
            return null;
          });
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Could not schedule the roster refresh of course " + launch.courseId(), e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public List<RosterJob> claim(String token, Duration lease, int limit) {
    return jdbc(c -> store.claim(c, token, clock.instant(), lease, limit));
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void succeeded(long courseId, String token, int active, int inactive) {
    jdbc(
        c -> {
          store.succeeded(c, courseId, token, clock.instant(), active, inactive);
          return null;
        });
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void failed(long courseId, String token, Instant next, String error) {
    jdbc(
        c -> {
          store.failed(c, courseId, token, next, error, clock.instant());
          return null;
        });
  }

  @Transactional(TxType.REQUIRES_NEW)
  public void release(long courseId, String token) {
    jdbc(
        c -> {
          store.release(c, courseId, token);
          return null;
        });
  }

  @Transactional
  public boolean requestRefresh(long courseId) {
    return jdbc(c -> store.requestRefresh(c, courseId, clock.instant()));
  }

  /**
   * Asks for a course's roster to be read from the LMS now (the worker does it in the background).
   *
   * @return the course as it stands after the request
   * @throws MissingException when there is no such course
   * @throws ConflictException when no launch into the course carried the LMS's roster service yet
   */
  @Transactional
  public CourseRosterView refreshNow(long courseId) {
    CourseRosterView course =
        course(courseId)
            .orElseThrow(
                () -> new MissingException("There is no course with id " + courseId + "."));
    if (course.membershipsUrl() == null || !requestRefresh(courseId)) {
      throw new ConflictException(
          "No launch into course "
              + courseId
              + " carried the LMS's roster service (NRPS) yet; enable it for Rapport"
              + " in the LMS and launch once.");
    }
    return course(courseId).orElse(course);
  }

  @Transactional
  public List<CourseRosterView> courses(long registrationId) {
    return jdbc(c -> store.courses(c, registrationId));
  }

  @Transactional
  public Optional<CourseRosterView> course(long courseId) {
    return jdbc(c -> store.course(c, courseId));
  }

  @Transactional
  public List<MemberView> members(long courseId) {
    return jdbc(c -> store.members(c, courseId));
  }

  /**
   * A course's members as an administrator sees them: names and emails of a course's people, so who
   * looked, and when, is recorded in the audit log in the same transaction.
   */
  @Transactional
  public List<MemberView> membersViewedBy(String admin, long registrationId, long courseId) {
    List<MemberView> members = members(courseId);
    audit.admin(
        admin,
        AuditAction.ROSTER_MEMBERS_VIEWED,
        registrationId,
        null,
        members.size() + " members of course " + courseId);
    return members;
  }
}
