package org.rapport.lti.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rapport.curriculum.analytics.SmallCellSuppression;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.assessments.CronbachAlpha;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentRef;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.lti.instruments.Instruments;
import org.rapport.lti.modules.MinimumGroupSize;

/**
 * Cronbach's alpha of a wave's complete responses to one instrument version, for the total and each
 * subscale; for analytics. Like every aggregate it is withheld when fewer than the minimum group
 * size of students gave complete answers.
 */
@ApplicationScoped
@Transactional
public class Reliability {
  @PersistenceContext(unitName = "rapport")
  EntityManager em;

  @Inject Instruments instruments;
  @Inject MinimumGroupSize groupSize;

  /** Alpha of the total and of each subscale; empty values when withheld or undefined. */
  public record WaveReliability(
      long waveId,
      String instrument,
      int version,
      int completeResponses,
      boolean withheld,
      String note,
      Double total,
      Map<String, Double> subscales) {}

  public WaveReliability of(long waveId, InstrumentRef ref) {
    Instrument instrument = instruments.get(ref);
    Scorer scorer = new Scorer(instrument);
    List<Object[]> rows =
        em.createQuery(
                "select r.id, key(a), value(a) from AssessmentResponse r join r.answers a"
                    + " where r.waveId = :w and r.instrumentId = :i and r.instrumentVersion = :v"
                    + " and r.status <> :draft",
                Object[].class)
            .setParameter("w", waveId)
            .setParameter("i", ref.id().value())
            .setParameter("v", ref.version())
            .setParameter("draft", ResponseStatus.DRAFT)
            .getResultList();
    Map<Long, Map<Integer, Integer>> sheets = new TreeMap<>();
    for (Object[] row : rows) {
      sheets
          .computeIfAbsent((Long) row[0], id -> new TreeMap<>())
          .put((Integer) row[1], (Integer) row[2]);
    }
    List<Answers> complete = new ArrayList<>();
    for (Map<Integer, Integer> byItem : sheets.values()) {
      if (byItem.size() == instrument.items().size()) {
        complete.add(new Answers(ref, byItem));
      }
    }
    SmallCellSuppression suppression = groupSize.rule();
    if (suppression.suppresses(complete.size())) {
      return new WaveReliability(
          waveId,
          ref.id().value(),
          ref.version(),
          complete.size(),
          true,
          "Withheld: fewer than " + suppression.minimumGroupSize() + " complete responses.",
          null,
          Map.of());
    }
    Double total = alpha(complete.stream().map(a -> scorer.keyedItems(a).orElseThrow()).toList());
    Map<String, Double> subscales = new TreeMap<>();
    for (Subscale s : instrument.subscales()) {
      if (instrument.itemsIn(s.id()).size() < 2) {
        continue;
      }
      Double a =
          alpha(complete.stream().map(x -> scorer.keyedItems(x, s.id()).orElseThrow()).toList());
      if (a != null) {
        subscales.put(s.id().value(), a);
      }
    }
    return new WaveReliability(
        waveId,
        ref.id().value(),
        ref.version(),
        complete.size(),
        false,
        total == null ? "Alpha is undefined: every respondent has the same total." : null,
        total,
        subscales);
  }

  private static Double alpha(List<int[]> rows) {
    try {
      return CronbachAlpha.of(rows).value();
    } catch (IllegalArgumentException undefined) {
      return null;
    }
  }
}
