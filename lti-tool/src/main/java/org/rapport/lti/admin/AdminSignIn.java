package org.rapport.lti.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;

/**
 * Signing an administrator in: throttled per account and per client address ({@link
 * SignInThrottle}), checked in constant work whether or not the account exists ({@link
 * AdminAccounts#authenticate}), audited on success and failure, and answered with a new server-side
 * session.
 */
@ApplicationScoped
public class AdminSignIn {
  @Inject AdminAccounts accounts;
  @Inject AdminSessions sessions;
  @Inject AuditLog audit;

  @Inject Clock clock;

  private SignInThrottle throttle;

  @PostConstruct
  void init() {
    throttle = new SignInThrottle(clock);
  }

  /** What a sign-in attempt came to. */
  sealed interface Outcome {}

  record SignedIn(AdminSessions.Opened session) implements Outcome {}

  record Refused() implements Outcome {}

  record Throttled(Duration retryAfter) implements Outcome {}

  @Transactional
  Outcome signIn(String username, String password, String address) {
    String name = username == null ? "" : username.strip();
    String accountKey = "account:" + name.toLowerCase(Locale.ROOT);
    String addressKey = "address:" + address;
    Optional<Duration> wait = throttle.retryAfter(accountKey, addressKey);
    if (wait.isPresent()) {
      audit.system(
          "sign-in from " + address,
          AuditAction.ADMIN_SIGN_IN_FAILED,
          null,
          null,
          "Refused without checking the password: too many failures (user name "
              + abbreviate(name)
              + ")");
      return new Throttled(wait.get());
    }
    Optional<String> admin = accounts.authenticate(name, password);
    if (admin.isEmpty()) {
      throttle.failed(accountKey, addressKey);
      audit.system(
          "sign-in from " + address,
          AuditAction.ADMIN_SIGN_IN_FAILED,
          null,
          null,
          "Wrong user name or password (user name " + abbreviate(name) + ")");
      return new Refused();
    }
    throttle.succeeded(accountKey);
    audit.admin("admin " + admin.get(), AuditAction.ADMIN_SIGNED_IN, null, null, "from " + address);
    return new SignedIn(sessions.open(admin.get()));
  }

  private static String abbreviate(String value) {
    return value.length() > 100 ? value.substring(0, 100) + "…" : value;
  }
}
