package org.rapport.curriculum.testdata;

import java.util.HashMap;
import java.util.Map;
import org.rapport.curriculum.assessments.Answers;
import org.rapport.curriculum.instruments.Instrument;
import org.rapport.curriculum.instruments.Item;

/** Builds raw answers to an instrument: a pattern for all items, then items left out or changed. */
public final class AnswerSheet {

  private final Instrument instrument;
  private final Map<Integer, Integer> answers = new HashMap<>();

  private AnswerSheet(Instrument instrument) {
    this.instrument = instrument;
  }

  /** Every item answered with {@code answer}. */
  public static AnswerSheet all(Instrument instrument, int answer) {
    AnswerSheet sheet = new AnswerSheet(instrument);
    instrument.items().forEach(item -> sheet.answers.put(item.number(), answer));
    return sheet;
  }

  /** Answers in item order: {@code inItemOrder[0]} answers item 1, and so on. */
  public static AnswerSheet of(Instrument instrument, int... inItemOrder) {
    if (inItemOrder.length != instrument.items().size()) {
      throw new IllegalArgumentException(
          instrument.ref() + " has " + instrument.items().size() + " items");
    }
    AnswerSheet sheet = new AnswerSheet(instrument);
    for (int i = 0; i < inItemOrder.length; i++) {
      sheet.answers.put(i + 1, inItemOrder[i]);
    }
    return sheet;
  }

  /** The most empathic response: scale maximum on plain items, minimum on reversed ones. */
  public static AnswerSheet highest(Instrument instrument) {
    AnswerSheet sheet = new AnswerSheet(instrument);
    for (Item item : instrument.items()) {
      sheet.answers.put(
          item.number(), item.reverse() ? instrument.scale().min() : instrument.scale().max());
    }
    return sheet;
  }

  /** The least empathic response: scale minimum on plain items, maximum on reversed ones. */
  public static AnswerSheet lowest(Instrument instrument) {
    AnswerSheet sheet = new AnswerSheet(instrument);
    for (Item item : instrument.items()) {
      sheet.answers.put(
          item.number(), item.reverse() ? instrument.scale().max() : instrument.scale().min());
    }
    return sheet;
  }

  public AnswerSheet without(int... items) {
    for (int item : items) {
      if (answers.remove(item) == null) {
        throw new IllegalArgumentException("item " + item + " was not answered");
      }
    }
    return this;
  }

  public AnswerSheet with(int item, int answer) {
    answers.put(item, answer);
    return this;
  }

  public Map<Integer, Integer> toMap() {
    return new HashMap<>(answers);
  }

  public Answers toAnswers() {
    return Answers.of(instrument, answers);
  }
}
