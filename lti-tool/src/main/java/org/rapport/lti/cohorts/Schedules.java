package org.rapport.lti.cohorts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import org.rapport.curriculum.cohorts.Programme;
import org.rapport.curriculum.cohorts.ScheduleTemplate;
import org.rapport.curriculum.cohorts.ScheduledStage;
import org.rapport.lti.instruments.Instruments;

/**
 * Each tenant's schedule template: its own when an administrator set one, otherwise Rapport's
 * standard schedule with the default instrument. Changing it affects cohorts created afterwards;
 * existing waves keep their dates.
 */
@ApplicationScoped
@Transactional
public class Schedules {
  @Inject Clock clock;

  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Instruments instruments;

  /** A tenant's template and whether it is the tenant's own. */
  public record TenantSchedule(
      ScheduleTemplate template, boolean custom, OffsetDateTime updatedAt, String updatedBy) {}

  public TenantSchedule forTenant(long registrationId) {
    return stored(registrationId)
        .map(
            r ->
                new TenantSchedule(
                    new ScheduleTemplate(
                        r.anchor(),
                        em
                            .createQuery(
                                "select s from ScheduleStageRecord s where s.templateId = :t",
                                ScheduleStageRecord.class)
                            .setParameter("t", r.getId())
                            .getResultList()
                            .stream()
                            .sorted(Comparator.comparingInt(ScheduleStageRecord::stageOrder))
                            .map(ScheduleStageRecord::toStage)
                            .toList()),
                    true,
                    r.getUpdatedAt(),
                    r.getUpdatedBy()))
        .orElseGet(
            () ->
                new TenantSchedule(
                    ScheduleTemplate.standard(instruments.defaultInstrument()), false, null, null));
  }

  /** The tenant's stages in training order: those its template names. */
  public Programme programme(long registrationId) {
    return forTenant(registrationId).template().programme();
  }

  /** Replaces the tenant's template; the caller has validated it. */
  public TenantSchedule replace(long registrationId, ScheduleTemplate template, String by) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    ScheduleTemplateRecord record =
        stored(registrationId)
            .orElseGet(
                () -> {
                  ScheduleTemplateRecord created = new ScheduleTemplateRecord(registrationId);
                  created.update(template.anchor(), by, now);
                  em.persist(created);
                  em.flush();
                  return created;
                });
    record.update(template.anchor(), by, now);
    em.createQuery("delete from ScheduleStageRecord s where s.templateId = :t")
        .setParameter("t", record.getId())
        .executeUpdate();
    for (ScheduledStage stage : template.stages()) {
      em.persist(new ScheduleStageRecord(record.getId(), stage));
    }
    em.flush();
    return forTenant(registrationId);
  }

  private Optional<ScheduleTemplateRecord> stored(long registrationId) {
    return em.createQuery(
            "select t from ScheduleTemplateRecord t where t.registrationId = :r",
            ScheduleTemplateRecord.class)
        .setParameter("r", registrationId)
        .getResultStream()
        .findFirst();
  }
}
