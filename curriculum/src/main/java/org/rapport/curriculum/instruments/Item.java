package org.rapport.curriculum.instruments;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of an instrument: its number (as printed on the form), its wording when Rapport has it,
 * whether it is reverse-scored, and the subscale it counts towards.
 */
public record Item(int number, Optional<String> text, boolean reverse, SubscaleId subscale) {

  public Item {
    if (number < 1) {
      throw new IllegalArgumentException("item number must be 1 or greater: " + number);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(subscale, "subscale");
  }

  Item withText(String licensedText) {
    return new Item(number, Optional.of(licensedText), reverse, subscale);
  }

  @Override
  public String toString() {
    // The wording may be licensed; keep it out of logs.
    return "Item[number=" + number + ", reverse=" + reverse + ", subscale=" + subscale + "]";
  }
}
