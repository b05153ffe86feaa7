package org.rapport.lti.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIndexTest {
  @Test
  void numbersIdsInTheOrderTheyAreFirstSeenAndAnswersTheSameNumberAgain() {
    LongIndex index = new LongIndex(2);
    assertEquals(0, index.add(907));
    assertEquals(1, index.add(-3));
    assertEquals(0, index.add(907));
    assertEquals(2, index.add(0));
    assertEquals(1, index.get(-3));
    assertEquals(-1, index.get(5));
    assertEquals(3, index.size());
  }

  @Test
  void theSmallestLongIsAnIdLikeAnyOther() {
    LongIndex index = new LongIndex(4);
    assertEquals(-1, index.get(Long.MIN_VALUE));
    assertEquals(0, index.add(1));
    assertEquals(1, index.add(Long.MIN_VALUE));
    assertEquals(1, index.add(Long.MIN_VALUE));
    assertEquals(1, index.get(Long.MIN_VALUE));
    assertEquals(2, index.add(2));
  }

  @Test
  void agreesWithAMapOverManyIdsWhileGrowing() {
    LongIndex index = new LongIndex(1);
    Map<Long, Integer> expected = new HashMap<>();
    Random random = new Random(11);
    for (int i = 0; i < 200_000; i++) {
      long id = random.nextInt(150_000) * 4096L; // many ids that share their low bits
      int number = index.add(id);
      assertEquals(expected.computeIfAbsent(id, k -> expected.size()), number);
    }
    assertEquals(expected.size(), index.size());
    expected.forEach((id, number) -> assertEquals(number, index.get(id)));
    assertEquals(-1, index.get(7));
  }
}
