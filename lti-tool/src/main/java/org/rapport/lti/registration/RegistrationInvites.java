package org.rapport.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rapport.lti.admin.SecretDigest;
import org.rapport.lti.audit.AuditAction;
import org.rapport.lti.audit.AuditLog;
import org.rapport.lti.web.InvalidRequestException;

/**
 * Makes, claims and revokes {@link RegistrationInvite}s. Claiming is one conditional update, so two
 * platforms opening the same invite at once get one registration between them. Every step is
 * audited.
 */
@ApplicationScoped
public class RegistrationInvites {
  /** The lifetimes an administrator can choose, in days. */
  public static final Set<Integer> EXPIRY_DAYS = Set.of(1, 7, 30);

  public static final int DEFAULT_EXPIRY_DAYS = 7;

  private static final String ACTOR = "dynamic registration";

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject Clock clock;

  /**
   * A claimed invite: the registration made with it starts enabled when {@code enableOnArrival}.
   */
  public record Claim(long inviteId, boolean enableOnArrival) {}

  /** The outcome of presenting an invite value: a claim or the reason it was refused. */
  public record Outcome(Optional<Claim> claim, Optional<InviteRefusal> refusal) {}

  /**
   * Makes an invite that lasts {@code expiryDays}; answers the registration URL, which is never
   * shown again.
   *
   * @throws InvalidRequestException when the lifetime is not one of {@link #EXPIRY_DAYS}
   */
  @Transactional
  public URI create(URI base, String admin, int expiryDays, boolean enableOnArrival) {
    if (!EXPIRY_DAYS.contains(expiryDays)) {
      throw new InvalidRequestException(List.of("Choose an invite lifetime of 1, 7 or 30 days."));
    }
    String value = SecretDigest.randomToken();
    OffsetDateTime now = now();
    RegistrationInvite invite =
        new RegistrationInvite(
            SecretDigest.sha256(value),
            admin,
            now,
            now.plus(Duration.ofDays(expiryDays)),
            enableOnArrival);
    em.persist(invite);
    em.flush();
    audit.admin(
        "admin " + admin,
        AuditAction.REGISTRATION_INVITE_CREATED,
        null,
        null,
        "invite "
            + invite.id()
            + ", expires "
            + invite.expiresAt()
            + (enableOnArrival
                ? ", registration enabled on arrival"
                : ", registration starts disabled"));
    return URI.create(base + "/lti/register?invite=" + value);
  }

  /**
   * Uses up the invite with this value when it exists, is unexpired, unused and not revoked. A
   * refusal of a known invite is audited; unknown values are not, so that guessing cannot fill the
   * audit log.
   */
  @Transactional
  public Outcome claim(String value) {
    if (value == null || value.isEmpty() || value.length() > 200) {
      return refused(InviteRefusal.UNKNOWN);
    }
    Optional<RegistrationInvite> found =
        em.createQuery(
                "select i from RegistrationInvite i where i.tokenHash = :h",
                RegistrationInvite.class)
            .setParameter("h", SecretDigest.sha256(value))
            .getResultStream()
            .findFirst();
    if (found.isEmpty()) {
      return refused(InviteRefusal.UNKNOWN);
    }
    RegistrationInvite invite = found.get();
    OffsetDateTime now = now();
    Optional<InviteRefusal> refusal = invite.refusal(now.toInstant());
    if (refusal.isEmpty()) {
      // The check above read a snapshot; this update is the one that decides between racers.
      int claimed =
          em.createQuery(
                  "update RegistrationInvite i set i.usedAt = :now where i.id = :id"
                      + " and i.usedAt is null and i.revokedAt is null and i.expiresAt > :now")
              .setParameter("now", now)
              .setParameter("id", invite.id())
              .executeUpdate();
      if (claimed == 1) {
        return new Outcome(
            Optional.of(new Claim(invite.id(), invite.enableOnArrival())), Optional.empty());
      }
      refusal = Optional.of(InviteRefusal.USED);
    }
    audit.system(
        ACTOR,
        AuditAction.REGISTRATION_INVITE_REFUSED,
        null,
        null,
        "invite " + invite.id() + " refused: " + refusal.get().name().toLowerCase());
    return refused(refusal.get());
  }

  /** Records the registration an invite made. */
  @Transactional
  public void used(Claim claim, long registrationId, String issuer, String clientId) {
    em.createQuery("update RegistrationInvite i set i.registrationId = :r where i.id = :id")
        .setParameter("r", registrationId)
        .setParameter("id", claim.inviteId())
        .executeUpdate();
    audit.system(
        ACTOR,
        AuditAction.REGISTRATION_INVITE_USED,
        registrationId,
        null,
        "invite "
            + claim.inviteId()
            + " created registration "
            + registrationId
            + " (issuer "
            + issuer
            + ", client id "
            + clientId
            + (claim.enableOnArrival()
                ? ", enabled"
                : ", disabled until an administrator enables it")
            + ")");
  }

  /**
   * Gives the invite back when the registration failed half-way (the LMS was unreachable or
   * refused), so the administrator need not make a new one for a transient failure.
   */
  @Transactional
  public void release(Claim claim) {
    em.createQuery(
            "update RegistrationInvite i set i.usedAt = null where i.id = :id"
                + " and i.registrationId is null")
        .setParameter("id", claim.inviteId())
        .executeUpdate();
  }

  /** Revokes an open invite; false when there is no open invite with that id. */
  @Transactional
  public boolean revoke(long id, String admin) {
    RegistrationInvite invite = em.find(RegistrationInvite.class, id);
    if (invite == null || invite.refusal(clock.instant()).isPresent()) {
      return false;
    }
    invite.revoke(admin, now());
    audit.admin(
        "admin " + admin,
        AuditAction.REGISTRATION_INVITE_REVOKED,
        null,
        null,
        "invite " + id + " revoked");
    return true;
  }

  /** Invites that can still be used, newest first. */
  @Transactional
  public List<OpenInviteView> open() {
    return em
        .createQuery(
            "select i from RegistrationInvite i where i.usedAt is null and i.revokedAt is null"
                + " and i.expiresAt > :now order by i.id desc",
            RegistrationInvite.class)
        .setParameter("now", now())
        .getResultList()
        .stream()
        .map(
            i ->
                new OpenInviteView(
                    i.id(),
                    i.createdBy(),
                    i.createdAt().toString(),
                    i.expiresAt().toString(),
                    i.enableOnArrival()))
        .toList();
  }

  private static Outcome refused(InviteRefusal refusal) {
    return new Outcome(Optional.empty(), Optional.of(refusal));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
