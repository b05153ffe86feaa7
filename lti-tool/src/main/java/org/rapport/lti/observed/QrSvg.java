package org.rapport.lti.observed;

import io.nayuki.qrcodegen.QrCode;
import org.rapport.lti.web.Html;

/**
 * A QR code of a text as inline SVG, drawn on the server so that the printed sheet needs no script
 * and no image request: one path of unit squares, one per dark module, inside a quiet zone of four
 * modules, with an accessible name. Error correction level M survives a crease or a smudge on a
 * printed card.
 */
public final class QrSvg {
  /** The quiet zone around the code, in modules, as the QR standard asks. */
  static final int BORDER = 4;

  private QrSvg() {}

  /** The QR code of {@code text}; {@code label} is its accessible name (escaped here). */
  public static String of(String text, String label) {
    QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = code.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < code.size; y++) {
      for (int x = 0; x < code.size; x++) {
        if (code.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" role=\"img\" aria-label=\""
        + Html.escape(label)
        + "\" shape-rendering=\"crispEdges\"><title>"
        + Html.escape(label)
        + "</title><rect width=\""
        + size
        + "\" height=\""
        + size
        + "\" fill=\"#fff\"/><path d=\""
        + path
        + "\" fill=\"#000\"/></svg>";
  }
}
