package org.rapport.lti.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.web.InvalidRequestException;

/**
 * API tokens for scripts: an administrator creates one on the admin page (it is shown once), a
 * script sends it as {@code Authorization: Bearer <token>}, and an administrator revokes it. Every
 * creation, use and revocation is audited.
 */
@ApplicationScoped
public class ApiTokens {
  @Inject Clock clock;

  /** Marks Rapport's tokens, so that leaked ones are easy to recognise in logs and scanners. */
  static final String PREFIX = "rapport_";

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject AuditLog audit;

  /** A token as the admin page lists it (never its value). */
  public record ApiTokenView(
      long id, String name, String createdBy, String createdAt, String lastUsedAt) {}

  /**
   * Creates a token for {@code username}, named by what it is for ({@code name}, stripped), and
   * answers its value, which is never shown again.
   *
   * @throws InvalidRequestException when the name is empty or longer than 100 characters
   */
  @Transactional
  public String create(String label, String username) {
    String name = label == null ? "" : label.strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new InvalidRequestException(
          List.of("Say in 1 to 100 characters what the API token is for."));
    }
    String value = PREFIX + SecretDigest.randomToken();
    AdminApiToken token = new AdminApiToken(name, SecretDigest.sha256(value), username, now());
    em.persist(token);
    em.flush();
    audit.admin(
        "admin " + username,
        AuditAction.API_TOKEN_CREATED,
        null,
        null,
        "API token " + token.id() + " (" + name + ") created");
    return value;
  }

  /** The administrator a bearer token acts for, when it is live; the use is audited. */
  @Transactional
  Optional<String> authenticate(String value, String method, String path) {
    if (value == null || !value.startsWith(PREFIX) || value.length() > 200) {
      return Optional.empty();
    }
    Optional<AdminApiToken> found =
        em.createQuery("select t from AdminApiToken t where t.tokenHash = :h", AdminApiToken.class)
            .setParameter("h", SecretDigest.sha256(value))
            .getResultStream()
            .filter(t -> !t.revoked())
            .findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    long accounts =
        em.createQuery("select count(a) from AdminAccount a where a.username = :u", Long.class)
            .setParameter("u", found.get().username())
            .getSingleResult();
    if (accounts == 0) {
      return Optional.empty();
    }
    AdminApiToken token = found.get();
    token.used(now());
    audit.admin(
        "admin " + token.username(),
        AuditAction.API_TOKEN_USED,
        null,
        null,
        "API token " + token.id() + ": " + method + " /" + abbreviate(path));
    return Optional.of(token.username());
  }

  /** Revokes a token; false when there is no live token with that id. */
  @Transactional
  public boolean revoke(long id, String by) {
    AdminApiToken token = em.find(AdminApiToken.class, id);
    if (token == null || token.revoked()) {
      return false;
    }
    token.revoke(by, now());
    audit.admin(
        "admin " + by,
        AuditAction.API_TOKEN_REVOKED,
        null,
        null,
        "API token " + id + " (" + token.name() + ") revoked");
    return true;
  }

  /** Live tokens, newest first. */
  @Transactional
  public List<ApiTokenView> live() {
    return em
        .createQuery(
            "select t from AdminApiToken t where t.revokedAt is null order by t.id desc",
            AdminApiToken.class)
        .getResultList()
        .stream()
        .map(
            t ->
                new ApiTokenView(
                    t.id(),
                    t.name(),
                    t.username(),
                    t.createdAt().toString(),
                    t.lastUsedAt() == null ? "never" : t.lastUsedAt().toString()))
        .toList();
  }

  private static String abbreviate(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.length() > 300 ? p.substring(0, 300) + "…" : p;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
