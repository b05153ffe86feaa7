package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChoiceOrderTest {

  @Test
  void isTheSameEveryTimeForTheSameLearnerAndDecision() {
    List<Integer> first = ChoiceOrder.of("1:42", "teach-back", "the-visit/n2", 4);

    for (int i = 0; i < 5; i++) {
      assertEquals(first, ChoiceOrder.of("1:42", "teach-back", "the-visit/n2", 4));
    }
  }

  @Test
  void isAPermutationOfTheOptions() {
    for (int count = 2; count <= 4; count++) {
      List<Integer> order = ChoiceOrder.of("1:7", "teach-back", "quiz/1", count);
      assertEquals(
          IntStream.range(0, count).boxed().toList(), order.stream().sorted().toList(), "" + order);
    }
  }

  @Test
  void differsAcrossLearners() {
    Set<List<Integer>> orders = new HashSet<>();
    Set<Integer> firstShown = new HashSet<>();
    for (int learner = 1; learner <= 40; learner++) {
      List<Integer> order = ChoiceOrder.of("1:" + learner, "teach-back", "the-visit/n2", 4);
      orders.add(order);
      firstShown.add(order.get(0));
    }
    // 40 learners over 24 possible orders: a fixed order would give 1.
    assertTrue(orders.size() >= 10, "only " + orders.size() + " distinct orders");
    assertEquals(Set.of(0, 1, 2, 3), firstShown, "every option is shown first to someone");
  }

  @Test
  void differsAcrossDecisionsAndModulesForOneLearner() {
    Set<List<Integer>> orders = new HashSet<>();
    for (int node = 1; node <= 12; node++) {
      orders.add(ChoiceOrder.of("1:42", "teach-back", "the-visit/n" + node, 4));
    }
    assertTrue(orders.size() >= 4, "only " + orders.size() + " distinct orders");
    assertNotEquals(
        List.of(
            ChoiceOrder.of("1:42", "teach-back", "quiz/1", 4),
            ChoiceOrder.of("1:42", "teach-back", "quiz/2", 4),
            ChoiceOrder.of("1:42", "teach-back", "quiz/3", 4)),
        List.of(
            ChoiceOrder.of("1:42", "opening-the-visit", "quiz/1", 4),
            ChoiceOrder.of("1:42", "opening-the-visit", "quiz/2", 4),
            ChoiceOrder.of("1:42", "opening-the-visit", "quiz/3", 4)));
  }
}
