package org.rapport.lti.observed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {
  private static final String URL =
      "https://rapport.example.edu/rate/12.0.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

  @Test
  void drawsEveryDarkModuleOnceInsideTheQuietZone() {
    String svg = QrSvg.of(URL, "QR code for Ana");
    QrCode code = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM);
    int size = code.size + 2 * QrSvg.BORDER;
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("viewBox=\"0 0 " + size + " " + size + "\""), svg);
    int dark = 0;
    for (int y = 0; y < code.size; y++) {
      for (int x = 0; x < code.size; x++) {
        if (code.getModule(x, y)) {
          dark++;
          assertTrue(
              svg.contains("M" + (x + QrSvg.BORDER) + "," + (y + QrSvg.BORDER) + "h1v1h-1z"),
              "module " + x + "," + y);
        }
      }
    }
    Matcher squares = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
    int drawn = 0;
    while (squares.find()) {
      drawn++;
      int x = Integer.parseInt(squares.group(1));
      int y = Integer.parseInt(squares.group(2));
      assertTrue(x >= QrSvg.BORDER && x < size - QrSvg.BORDER, "x in the code: " + x);
      assertTrue(y >= QrSvg.BORDER && y < size - QrSvg.BORDER, "y in the code: " + y);
    }
    assertEquals(dark, drawn);
    // The three finder patterns' corners are dark.
    assertTrue(svg.contains("M4,4h1v1h-1z"));
    assertTrue(svg.contains("M" + (size - 5) + ",4h1v1h-1z"));
    assertTrue(svg.contains("M4," + (size - 5) + "h1v1h-1z"));
  }

  @Test
  void hasAnAccessibleNameAndEscapesIt() {
    String svg = QrSvg.of(URL, "Link for <Ana> & \"Ben\"");
    assertTrue(svg.contains("role=\"img\""), svg);
    assertTrue(svg.contains("aria-label=\"Link for &lt;Ana&gt; &amp; &quot;Ben&quot;\""), svg);
    assertTrue(svg.contains("<title>Link for &lt;Ana&gt; &amp; &quot;Ben&quot;</title>"), svg);
    assertFalse(svg.contains("<Ana>"), svg);
  }

  @Test
  void theSameTextGivesTheSameCode() {
    assertEquals(QrSvg.of(URL, "a"), QrSvg.of(URL, "a"));
    assertFalse(QrSvg.of(URL, "a").equals(QrSvg.of(URL + "x", "a")));
  }
}
