package org.rapport.lti.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.instruments.SubscaleId;

class SubscaleValuesTest {
  private static Map<String, Double> read(String text) {
    Map<String, Double> values = new LinkedHashMap<>();
    SubscaleValues.read(text, values::put);
    return values;
  }

  @Test
  void valuesAreWrittenWithSortedIdsAndFourPlacesAndReadBack() {
    Map<SubscaleId, BigDecimal> values = new LinkedHashMap<>();
    values.put(new SubscaleId("standing-in-shoes"), new BigDecimal("10"));
    values.put(new SubscaleId("compassionate-care"), new BigDecimal("37.333333"));
    values.put(new SubscaleId("perspective-taking"), new BigDecimal("-0.5"));
    String text = SubscaleValues.format(values);
    assertEquals(
        "compassionate-care=37.3333;perspective-taking=-0.5000;standing-in-shoes=10.0000", text);
    assertEquals(
        Map.of(
            "compassionate-care", 37.3333, "perspective-taking", -0.5, "standing-in-shoes", 10.0),
        read(text));
  }

  @Test
  void aScoreWithoutSubscalesHasNoText() {
    assertNull(SubscaleValues.format(Map.of()));
    assertTrue(read(null).isEmpty());
    assertTrue(read("").isEmpty());
  }

  @Test
  void anUnreadableTextIsRefusedRatherThanMisread() {
    assertThrows(IllegalArgumentException.class, () -> read("cognitive"));
    assertThrows(IllegalArgumentException.class, () -> read("cognitive=1;affective"));
    assertThrows(NumberFormatException.class, () -> read("cognitive=x"));
  }
}
