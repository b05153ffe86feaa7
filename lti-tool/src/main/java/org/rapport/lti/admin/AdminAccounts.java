package org.rapport.lti.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
  static final String SETUP_TOKEN = "admin-setup-token";
  static final String DEFAULT_USERNAME = "admin";

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject ServerSecrets secrets;

  @Transactional
  public boolean anyExists() {
    return em.createQuery("select count(a) from AdminAccount a", Long.class).getSingleResult() > 0;
  }

  @Transactional
  public Optional<String> authenticate(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    List<AdminAccount> found =
        em.createQuery("select a from AdminAccount a where a.username = :u", AdminAccount.class)
            .setParameter("u", username)
            .getResultList();
    return found.stream()
        .filter(a -> PasswordHash.matches(password, a.getPasswordHash()))
        .map(AdminAccount::getUsername)
        .findFirst();
  }

  @Transactional
  public void create(String username, String password) {
    em.persist(
        new AdminAccount(username, PasswordHash.of(password), OffsetDateTime.now(ZoneOffset.UTC)));
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
