package org.rapport.lti.observed;

import java.util.List;
import org.rapport.lti.web.Nav;

/**
 * The printable sheet of a session's one-time links (template {@code observed-sheet}): one card per
 * standardized-patient rater per encounter, with the student, the station, the link and its QR
 * code. Opening it changes no link.
 *
 * @param rated link raters left out because they have rated already
 */
public record LinkSheetPage(
    Nav nav,
    String s,
    String backHref,
    String title,
    String setting,
    String heldOn,
    List<Card> cards,
    int rated) {

  /**
   * One card.
   *
   * @param qrSvg the QR code as inline SVG, drawn by {@link QrSvg} (markup, not text)
   */
  public record Card(
      String student,
      String station,
      String rater,
      String url,
      String qrSvg,
      String expires,
      boolean expired) {}

  public boolean empty() {
    return cards.isEmpty();
  }
}
