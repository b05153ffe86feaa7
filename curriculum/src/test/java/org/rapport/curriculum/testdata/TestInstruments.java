package org.rapport.curriculum.testdata;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.InstrumentCatalog;
import org.rapport.curriculum.instruments.InstrumentId;

/** The shipped instruments, and the JSE-S with placeholder (non-licensed) texts. */
public final class TestInstruments {

  public static final InstrumentId JSE_S = InstrumentId.of("jse-s");
  public static final InstrumentId RAPPORT = InstrumentId.of("rapport-empathy");

  private TestInstruments() {}

  public static Instrument jseS() {
    return InstrumentCatalog.shipped().get(JSE_S, 1);
  }

  public static Instrument rapportEmpathy() {
    return InstrumentCatalog.shipped().get(RAPPORT, 1);
  }

  /** Version 2, written so that it can be answered at matriculation. */
  public static Instrument rapportEmpathyV2() {
    return InstrumentCatalog.shipped().get(RAPPORT, 2);
  }

  /** A complete texts file for the JSE-S holding placeholder wording, not the licensed texts. */
  public static Path placeholderJseTexts() {
    try {
      return Path.of(TestInstruments.class.getResource("/testdata/jse-s-texts.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
