package org.rapport.lti.observed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.rapport.lti.web.ErrorView;
import org.rapport.lti.web.Pages;

/** Renders the rating pages and turns a refused link or rating into its page and status. */
@ApplicationScoped
public class RatingPages {
  @Inject Pages pages;

  Response guarded(Supplier<Response> page) {
    try {
      return page.get();
    } catch (RatingRefused e) {
      LinkRefusal refusal = e.refusal();
      return html(
          refusal.status(),
          pages.render(
              "error",
              refusal.title(),
              new ErrorView(refusal.status(), refusal.title(), refusal.sentence())));
    }
  }

  Response form(int status, RatingFormPage page) {
    return html(status, pages.render("rate", "Rate a conversation", page));
  }

  Response outcome(RatingSubmission.Outcome outcome) {
    if (outcome instanceof RatingSubmission.Saved saved) {
      return html(200, pages.render("rate-thanks", "Rating received", saved.page()));
    }
    return form(400, ((RatingSubmission.Again) outcome).page());
  }

  Response toGive(RatingsToGivePage page) {
    return html(200, pages.render("ratings-to-give", "Ratings to give", page));
  }

  /** The encounter number a form sent; anything else names no encounter this link rates. */
  static long encounter(String value) {
    return number(value, LinkRefusal.OTHER_ENCOUNTER);
  }

  /** The rater number in a launched rater's address. */
  static long rater(String value) {
    return number(value, LinkRefusal.NOT_YOURS);
  }

  private static long number(String value, LinkRefusal otherwise) {
    if (value == null || !value.trim().matches("[1-9][0-9]{0,17}")) {
      throw new RatingRefused(otherwise);
    }
    return Long.parseLong(value.trim());
  }

  private static Response html(int status, String body) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store")
        .entity(body)
        .build();
  }
}
