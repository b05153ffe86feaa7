package org.rapport.lti.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.session.ServerSecrets;

/**
 * Administrator accounts. Nothing is open by default: the first account comes from {@code
 * rapport.admin.password} or from a one-time setup token printed at first start.
 */
@ApplicationScoped
public class AdminAccounts {
  @Inject Clock clock;
  static final String SETUP_TOKEN = "admin-setup-token";
  static final String DEFAULT_USERNAME = "admin";

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject ServerSecrets secrets;
  @Inject AdminSessions sessions;

  @Transactional
  public boolean anyExists() {
    return em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult() > 0;
  }

  /**
   * The account's user name when the password is right. An unknown user name is checked against a
   * dummy hash, so that it takes as long as a wrong password; a hash made under an older policy is
   * replaced by one of the current policy once the password has been shown to be right.
   */
  @Transactional
  public Optional<String> authenticate(String username, String password) {
    if (username == null || password == null || username.length() > 100) {
      PasswordHash.matches(password == null ? "" : password, PasswordHash.DUMMY);
      return Optional.empty();
    }
    List<AdminAccount> found =
        em.createQuery("select a from AdminAccount a where a.username = :u", AdminAccount.class)
            .setParameter("u", username)
            .getResultList();
    if (found.isEmpty()) {
      PasswordHash.matches(password, PasswordHash.DUMMY);
      return Optional.empty();
    }
    AdminAccount account = found.get(0);
    if (!PasswordHash.matches(password, account.getPasswordHash())) {
      return Optional.empty();
    }
    if (PasswordHash.needsRehash(account.getPasswordHash())) {
      account.changePasswordHash(PasswordHash.of(password));
    }
    return Optional.of(account.getUsername());
  }

  /** Removes an account; its sessions and API tokens stop working at once. */
  @Transactional
  public boolean remove(String username) {
    List<AdminAccount> found =
        em.createQuery("select a from AdminAccount a where a.username = :u", AdminAccount.class)
            .setParameter("u", username)
            .getResultList();
    found.forEach(em::remove);
    sessions.revokeAllOf(username);
    return !found.isEmpty();
  }

  @Transactional
  public void create(String username, String password) {
    em.persist(new AdminAccount(username, PasswordHash.of(password), OffsetDateTime.now(clock)));
  }

  /** Creates a one-time setup token and returns it; only its hash is stored. */
  @Transactional
  public String newSetupToken() {
    String token = ServerSecrets.randomValue().replace('+', '-').replace('/', '_').replace("=", "");
    secrets.put(SETUP_TOKEN, sha256(token));
    return token;
  }

  /** Creates the first account when the setup token is right; the token stops working. */
  @Transactional
  public boolean completeSetup(String token, String username, String password) {
    Optional<String> stored = secrets.find(SETUP_TOKEN);
    if (token == null || stored.isEmpty() || anyExists()) {
      return false;
    }
    if (!MessageDigest.isEqual(
        stored.get().getBytes(StandardCharsets.UTF_8),
        sha256(token).getBytes(StandardCharsets.UTF_8))) {
      return false;
    }
    create(username, password);
    secrets.remove(SETUP_TOKEN);
    return true;
  }

  @Transactional
  public boolean setupPending() {
    return secrets.find(SETUP_TOKEN).isPresent() && !anyExists();
  }

  private static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
