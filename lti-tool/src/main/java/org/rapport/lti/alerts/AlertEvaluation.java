package org.rapport.lti.alerts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.lti.analytics.PrivacySettings;
import org.rapport.lti.cluster.ScheduledRuns;
import org.rapport.lti.persistence.RapportDataSource;
import org.rapport.lti.settings.RapportSettings;

/**
 * Runs {@link TenantEvaluation}: every period ({@code rapport.alerts.evaluation-interval-seconds},
 * an hour by default, periods counted from the epoch so that every node agrees on them) for every
 * enabled tenant, at once when {@link AssessmentDataChanged} is fired (wave closed, import
 * finished), and when an administrator asks. Every node checks for a new period each minute (or
 * sixth of the period) and the first one to claim it ({@link ScheduledRuns}) evaluates: the
 * scheduled evaluation runs once per period however many nodes run. Evaluations of one tenant run
 * one at a time, on a node and across nodes (the tenant's registration row is locked while one
 * runs); two tenants are evaluated in parallel.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertEvaluation {
  @Inject Clock clock;
  private static final Logger LOG = Logger.getLogger(AlertEvaluation.class.getName());

  @Resource(lookup = RapportDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject PrivacySettings privacy;
  @Inject RapportSettings rapport;
  @Inject ScheduledRuns runs;
  @Inject ObservedAlertConfig observedConfig;

  @Inject
  @ConfigProperty(name = "rapport.alerts.evaluation-interval-seconds", defaultValue = "3600")
  long intervalSeconds;

  @Inject
  @ConfigProperty(name = "rapport.alerts.history-after-days", defaultValue = "730")
  long historyAfterDays;

  @Resource TimerService timers;

  /** The scheduled evaluation's name in {@code scheduled_run}. */
  static final String JOB = "alert-evaluation";

  private final java.util.concurrent.atomic.AtomicBoolean scheduledRunning =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Instant lastPeriodSeen;

  @Inject
  @ConfigProperty(name = "rapport.curriculum.modules-dir")
  Optional<String> modulesDir;

  /** Two tenants at a time: the database works on one while the statistics run on the other. */
  static final int PARALLEL = 2;

  private final java.util.concurrent.ConcurrentHashMap<
          Long, java.util.concurrent.locks.ReentrantLock>
      running = new java.util.concurrent.ConcurrentHashMap<>();

  @Resource jakarta.enterprise.concurrent.ManagedExecutorService executor;
  private volatile AlertVocabulary words;
  private volatile URI lastSeenBase;

  @PostConstruct
  void init() {
    words =
        new AlertVocabulary(
            ModuleCatalog.load(
                modulesDir.filter(d -> !d.isBlank()).map(java.nio.file.Path::of).orElse(null)),
            InstrumentCatalog.shipped());
    Duration check = Duration.ofSeconds(Math.max(1, Math.min(60, interval().toSeconds() / 6)));
    timers.createIntervalTimer(
        check.toMillis(), check.toMillis(), new TimerConfig("rapport-alert-evaluation", false));
  }

  private Duration interval() {
    return Duration.ofSeconds(Math.max(10, intervalSeconds));
  }

  /** The start of the period {@code at} lies in: a multiple of the interval since the epoch. */
  static Instant periodStart(Instant at, Duration interval) {
    long seconds = interval.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
  }

  /** On a new period, evaluates every tenant if this node is the first to claim the period. */
  @Timeout
  void scheduled() {
    Instant period = periodStart(clock.instant(), interval());
    if (period.equals(lastPeriodSeen) || !scheduledRunning.compareAndSet(false, true)) {
      return;
    }
    try {
      lastPeriodSeen = period;
      if (!runs.claim(JOB, period)) {
        return;
      }
      List<TenantEvaluation.Result> results = evaluateAll("schedule, period from " + period);
      int raised = results.stream().mapToInt(TenantEvaluation.Result::raised).sum();
      LOG.info(
          () ->
              "Scheduled alert evaluation of the period from "
                  + period
                  + ": "
                  + results.size()
                  + " tenant(s) evaluated, "
                  + raised
                  + " new alert(s).");
    } finally {
      scheduledRunning.set(false);
    }
  }

  public AlertVocabulary vocabulary() {
    return words;
  }

  /** The tenant's last evaluation; empty before the first. */
  public Optional<LastEvaluation> last(long registrationId) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return LastEvaluation.find(connection, registrationId);
    }
  }

  /** Remembers the address requests reach Rapport at, for links in mail when none is configured. */
  public void seen(URI base) {
    lastSeenBase = base;
  }

  public String dashboardUrl(long cohortId) {
    Optional<URI> base = rapport.configuredPublicUrl();
    if (base.isEmpty() && lastSeenBase != null) {
      base = Optional.of(rapport.publicUrl(lastSeenBase));
    }
    return base.map(b -> b + "/app/faculty/cohorts?cohort=" + cohortId).orElse(null);
  }

  /**
   * Evaluates one tenant now, after any evaluation of it already running on this node.
   *
   * @param reason why, recorded as the tenant's {@link LastEvaluation}
   */
  public TenantEvaluation.Result evaluate(long registrationId, String reason) throws SQLException {
    java.util.concurrent.locks.ReentrantLock lock =
        running.computeIfAbsent(
            registrationId, id -> new java.util.concurrent.locks.ReentrantLock());
    lock.lock();
    try (Connection connection = dataSource.getConnection()) {
      TenantEvaluation.Result result =
          new TenantEvaluation(
                  words,
                  privacy.minimumGroupSize(),
                  this::dashboardUrl,
                  rapport.assessmentZone(),
                  Duration.ofDays(Math.max(0, historyAfterDays)))
              .withObserved(observedConfig.settings())
              .run(connection, registrationId, clock.instant(), reason);
      if (result.raised() > 0) {
        LOG.info(
            () ->
                "Tenant "
                    + registrationId
                    + ": "
                    + result.raised()
                    + " new alert(s), "
                    + result.mailsQueued()
                    + " mail(s) queued.");
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** Evaluates every enabled tenant; one tenant's failure does not stop the others. */
  public List<TenantEvaluation.Result> evaluateAll(String reason) {
    List<TenantEvaluation.Result> results = new ArrayList<>();
    List<Long> tenants;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT id FROM registration WHERE enabled = TRUE ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      tenants = new ArrayList<>();
      while (rs.next()) {
        tenants.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Alert evaluation could not list the tenants.", e);
      return results;
    }
    java.util.Queue<Long> queue = new java.util.concurrent.ConcurrentLinkedQueue<>(tenants);
    List<TenantEvaluation.Result> collected =
        java.util.Collections.synchronizedList(new ArrayList<>());
    Runnable worker =
        () -> {
          for (Long tenant = queue.poll(); tenant != null; tenant = queue.poll()) {
            try {
              collected.add(evaluate(tenant, reason));
            } catch (SQLException | RuntimeException e) {
              LOG.log(Level.WARNING, "Alert evaluation of tenant " + tenant + " failed.", e);
            }
          }
        };
    List<java.util.concurrent.Future<?>> helpers = new ArrayList<>();
    for (int i = 1; i < PARALLEL; i++) {
      helpers.add(executor.submit(worker));
    }
    worker.run();
    for (java.util.concurrent.Future<?> helper : helpers) {
      try {
        helper.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.log(Level.WARNING, "An alert evaluation worker failed.", e);
      }
    }
    results.addAll(collected);
    return results;
  }

  public void onDataChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AssessmentDataChanged event) {
    evaluateQuietly(event);
  }

  public void onDataChangedAsync(@ObservesAsync AssessmentDataChanged event) {
    evaluateQuietly(event);
  }

  private void evaluateQuietly(AssessmentDataChanged event) {
    try {
      evaluate(event.registrationId(), event.reason());
    } catch (SQLException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Alert evaluation after \""
              + event.reason()
              + "\" for tenant "
              + event.registrationId()
              + " failed; the hourly run will try again.",
          e);
    }
  }
}
