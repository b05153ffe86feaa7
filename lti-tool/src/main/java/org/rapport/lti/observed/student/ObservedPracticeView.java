package org.rapport.lti.observed.student;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.RaterType;
import org.rapport.curriculum.instruments.Subscale;
import org.rapport.curriculum.instruments.SubscaleId;
import org.rapport.curriculum.observed.PercentOfScale;
import org.rapport.lti.assessment.Trajectory;
import org.rapport.lti.observed.student.ObservedPracticePage.DomainScore;
import org.rapport.lti.observed.student.ObservedPracticePage.EncounterView;
import org.rapport.lti.observed.student.ObservedPracticePage.FormScale;
import org.rapport.lti.observed.student.ObservedPracticePage.GapRow;
import org.rapport.lti.observed.student.ObservedPracticePage.GapView;
import org.rapport.lti.observed.student.ObservedPracticePage.ModuleLink;
import org.rapport.lti.observed.student.ObservedPracticePage.RatingView;
import org.rapport.lti.observed.student.ObservedPracticePage.TrendRow;
import org.rapport.lti.observed.student.ObservedPracticePage.WeakestView;
import org.rapport.lti.web.Nav;

/**
 * Builds the student's observed-practice page from their released encounters and their
 * self-assessment trajectories. Pure: {@link StudentObservedPractice} gathers the facts.
 *
 * <p>Every comparison is in percent of scale ({@link PercentOfScale}). The observed score of a
 * layer is the mean, over the student's released and scored ratings, of each rating's layer score
 * in percent of its form's range for that layer; the self score is the layer score of the student's
 * most recent self-assessment in percent of the instrument's range for it. The gap is self minus
 * observed: positive when the student rated themselves higher than they were experienced.
 */
final class ObservedPracticeView {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private ObservedPracticeView() {}

  /**
   * One released encounter of the student.
   *
   * @param stage the training stage's name, or {@code null}
   * @param ratings the ratings given, in the order they were given
   */
  record Rated(
      LocalDate date,
      String stage,
      String setting,
      String station,
      String title,
      List<Given> ratings) {}

  /**
   * One rating, as much of it as the student may see: the kind of rater, never who.
   *
   * @param totalOrNull the form's total; {@code null} when it could not be scored
   * @param subscales subscale id to score
   */
  record Given(
      RaterType type,
      Instrument form,
      BigDecimal totalOrNull,
      Map<String, BigDecimal> subscales,
      String comment) {}

  static ObservedPracticePage build(
      Nav nav,
      String token,
      List<Rated> rated,
      List<Trajectory> self,
      Function<String, List<ModuleLink>> modulesFor) {
    List<Rated> newestFirst = new ArrayList<>(rated);
    newestFirst.sort(Comparator.comparing(Rated::date).reversed());
    List<EncounterView> encounters = new ArrayList<>();
    Map<String, FormScale> scales = new LinkedHashMap<>();
    for (Rated r : newestFirst) {
      List<RatingView> ratings = new ArrayList<>();
      for (Given g : r.ratings()) {
        ratings.add(rating(g));
        scales.putIfAbsent(
            g.form().ref().toString(), new FormScale(g.form().title(), scaleWords(g.form())));
      }
      encounters.add(
          new EncounterView(
              r.setting() + ": " + r.station(),
              r.title() + " · " + DAY.format(r.date()),
              r.stage(),
              ratings));
    }
    List<Given> scored =
        rated.stream()
            .flatMap(r -> r.ratings().stream())
            .filter(g -> g.totalOrNull() != null)
            .toList();
    Trajectory latest = Trajectory.latest(self);
    Map<String, Double> observed = observedByDomain(scored);
    GapView gap = null;
    String gapMissing = null;
    if (scored.isEmpty()) {
      gapMissing =
          "The gap appears once at least one of your ratings has a score and has been released.";
    } else if (latest == null) {
      gapMissing =
          "The gap appears once you have taken the self-assessment: it compares how you rated"
              + " yourself with how you were experienced.";
    } else {
      gap = gap(latest, scored, observed);
    }
    return new ObservedPracticePage(
        nav,
        token,
        List.copyOf(encounters),
        List.copyOf(scales.values()),
        trend(rated, self),
        ObservedTrendChart.of(trendPoints(rated, self), "observed-trend-chart"),
        gap,
        gapMissing,
        weakest(scored, observed, modulesFor),
        "/app/assessment?s=" + token,
        "/app/ratings?s=" + token);
  }

  private static RatingView rating(Given g) {
    Instrument form = g.form();
    List<DomainScore> domains = new ArrayList<>();
    String total;
    if (g.totalOrNull() == null) {
      total = "not scored (too many statements could not be judged)";
    } else {
      total = plain(g.totalOrNull()) + " of " + form.scoreRange().max();
      for (Subscale subscale : form.subscales()) {
        BigDecimal value = g.subscales().get(subscale.id().value());
        if (value != null) {
          domains.add(
              new DomainScore(
                  subscale.label(), plain(value) + " of " + form.scoreRange(subscale.id()).max()));
        }
      }
    }
    String comment = g.comment() == null || g.comment().isBlank() ? null : g.comment();
    return new RatingView(g.type().label(), form.title(), total, domains, comment);
  }

  /** The scale in words, e.g. "1 Poor, 2 Fair, 3 Good, 4 Very good, 5 Excellent". */
  static String scaleWords(Instrument form) {
    StringBuilder words = new StringBuilder();
    for (int point = form.scale().min(); point <= form.scale().max(); point++) {
      if (words.length() > 0) {
        words.append(", ");
      }
      words.append(point);
      form.scale().label(point).ifPresent(l -> words.append(' ').append(l));
    }
    return words.toString();
  }

  /** Mean percent of scale per subscale id over the scored ratings, in the forms' order. */
  static Map<String, Double> observedByDomain(List<Given> scored) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Given g : scored) {
      for (Subscale subscale : g.form().subscales()) {
        BigDecimal value = g.subscales().get(subscale.id().value());
        if (value == null) {
          continue;
        }
        double[] sum = sums.computeIfAbsent(subscale.id().value(), k -> new double[2]);
        sum[0] +=
            PercentOfScale.of(g.form().scoreRange(subscale.id())).percent(value.doubleValue());
        sum[1]++;
      }
    }
    Map<String, Double> means = new LinkedHashMap<>();
    sums.forEach((id, s) -> means.put(id, s[0] / s[1]));
    return means;
  }

  /** Mean percent of scale of the scored ratings' totals. */
  static double observedTotal(List<Given> scored) {
    return scored.stream()
        .mapToDouble(
            g -> PercentOfScale.of(g.form().scoreRange()).percent(g.totalOrNull().doubleValue()))
        .average()
        .orElse(0);
  }

  static GapView gap(Trajectory latest, List<Given> scored, Map<String, Double> observed) {
    Instrument instrument = latest.instrument();
    Trajectory.Point point = latest.points().get(latest.points().size() - 1);
    String raters = raters(scored);
    List<GapRow> rows = new ArrayList<>();
    for (Trajectory.SubscalePoint sp : point.subscales()) {
      Double seen = observed.get(sp.id());
      if (seen == null) {
        continue;
      }
      double own =
          PercentOfScale.of(instrument.scoreRange(SubscaleId.of(sp.id())))
              .percent(sp.value().doubleValue());
      rows.add(row(sp.id(), sp.label(), own, seen, raters));
    }
    String basis =
        "Your "
            + instrument.title()
            + " of "
            + point.stage().label()
            + " compared with the mean of your "
            + scored.size()
            + (scored.size() == 1 ? " released rating" : " released ratings")
            + ", each in points out of 100 (0 is the lowest possible score, 100 the highest).";
    if (!rows.isEmpty()) {
      return new GapView(List.copyOf(rows), false, basis);
    }
    double own = PercentOfScale.of(instrument.scoreRange()).percent(point.total().doubleValue());
    return new GapView(
        List.of(row("total", "Total", own, observedTotal(scored), raters)),
        true,
        basis
            + " Your self-assessment ("
            + instrument.title()
            + ") measures other parts than the rating forms, so only the totals are compared.");
  }

  private static GapRow row(String id, String label, double self, double observed, String raters) {
    double gap = self - observed;
    long points = Math.round(Math.abs(gap));
    String domain = lowerFirst(label);
    String words;
    if (points == 0) {
      words =
          "How you rated yourself and how " + raters + " experienced you match in " + domain + ".";
    } else if (gap > 0) {
      words =
          "You rated yourself higher than "
              + raters
              + " experienced you in "
              + domain
              + ", by "
              + points
              + " points out of 100.";
    } else {
      words =
          "You rated yourself lower than "
              + raters
              + " experienced you in "
              + domain
              + ", by "
              + points
              + " points out of 100.";
    }
    return new GapRow(
        id,
        label,
        String.valueOf(Math.round(self)),
        String.valueOf(Math.round(observed)),
        signed(gap),
        words);
  }

  /** Who rated, by kind: "patients", "faculty and peers", "patients, faculty and peers". */
  static String raters(List<Given> scored) {
    Set<RaterType> types = EnumSet.noneOf(RaterType.class);
    scored.forEach(g -> types.add(g.type()));
    List<String> words = new ArrayList<>();
    if (types.contains(RaterType.PATIENT)) {
      words.add("patients");
    }
    if (types.contains(RaterType.FACULTY)) {
      words.add("faculty");
    }
    if (types.contains(RaterType.PEER)) {
      words.add("peers");
    }
    if (words.isEmpty()) {
      return "others";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }

  /** A point of the trend: when, which stage, whose view, in percent of scale. */
  record TrendPoint(
      LocalDate date, String stage, boolean observed, String source, double percent) {}

  static List<TrendPoint> trendPoints(List<Rated> rated, List<Trajectory> self) {
    List<TrendPoint> points = new ArrayList<>();
    Map<String, List<Given>> byDay = new LinkedHashMap<>();
    Map<String, Rated> firstOfDay = new LinkedHashMap<>();
    for (Rated r : rated) {
      String key = r.date() + "|" + Objects.toString(r.stage(), "");
      firstOfDay.putIfAbsent(key, r);
      for (Given g : r.ratings()) {
        if (g.totalOrNull() != null) {
          byDay.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
      }
    }
    byDay.forEach(
        (key, given) -> {
          Rated r = firstOfDay.get(key);
          points.add(
              new TrendPoint(
                  r.date(),
                  r.stage(),
                  true,
                  "Observed (" + given.size() + (given.size() == 1 ? " rating)" : " ratings)"),
                  observedTotal(given)));
        });
    for (Trajectory t : self) {
      for (Trajectory.Point p : t.points()) {
        points.add(
            new TrendPoint(
                p.date(),
                p.stage().label(),
                false,
                "Self-assessment (" + t.instrument().title() + ")",
                PercentOfScale.of(t.instrument().scoreRange()).percent(p.total().doubleValue())));
      }
    }
    points.sort(
        Comparator.comparing(
                TrendPoint::date, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(TrendPoint::observed));
    return points;
  }

  private static List<TrendRow> trend(List<Rated> rated, List<Trajectory> self) {
    return trendPoints(rated, self).stream()
        .map(
            p ->
                new TrendRow(
                    p.date() == null ? "" : DAY.format(p.date()),
                    p.stage() == null ? "" : p.stage(),
                    p.source(),
                    String.valueOf(Math.round(p.percent())),
                    p.observed()))
        .toList();
  }

  static WeakestView weakest(
      List<Given> scored,
      Map<String, Double> observed,
      Function<String, List<ModuleLink>> modulesFor) {
    if (observed.isEmpty()) {
      return null;
    }
    String weakest = null;
    for (Map.Entry<String, Double> e : observed.entrySet()) {
      if (weakest == null || e.getValue() < observed.get(weakest)) {
        weakest = e.getKey();
      }
    }
    String id = weakest;
    String label =
        scored.stream()
            .flatMap(g -> g.form().subscale(SubscaleId.of(id)).stream())
            .map(Subscale::label)
            .findFirst()
            .orElse(id);
    return new WeakestView(
        label, String.valueOf(Math.round(observed.get(id))), modulesFor.apply(id));
  }

  private static String signed(double gap) {
    long rounded = Math.round(gap);
    return rounded > 0 ? "+" + rounded : String.valueOf(rounded);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** A score as people read it: whole numbers without decimals, others with one. */
  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      return stripped.toPlainString();
    }
    return value.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
