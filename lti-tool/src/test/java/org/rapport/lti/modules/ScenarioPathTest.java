package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.ScenarioStep;

class ScenarioPathTest {
  private static final ScenarioStep DISCHARGE =
      (ScenarioStep)
          ModuleCatalog.load(null)
              .find(ModuleId.of("teach-back"))
              .orElseThrow()
              .step("discharge-scenario")
              .orElseThrow();

  @Test
  void anEmptyPathStartsAtTheStartNode() {
    ScenarioPath.Replay replay = ScenarioPath.EMPTY.replay(DISCHARGE);
    assertEquals("n1", replay.currentOrNull().id());
    assertTrue(replay.exchanges().isEmpty());
  }

  @Test
  void followsTheChosenRepliesToTheEnd() {
    ScenarioPath path = ScenarioPath.parse("n1:0 n2-overload:1 n3-gap:2 n4:0");
    ScenarioPath.Replay replay = path.replay(DISCHARGE);
    assertTrue(replay.ended());
    assertNull(replay.currentOrNull());
    assertEquals(4, replay.exchanges().size());
    assertEquals("Mixed", replay.exchanges().get(0).choice().quality().label());
    assertEquals("n1:0 n2-overload:1 n3-gap:2 n4:0", path.format());
  }

  @Test
  void turnsThatNoLongerFitAreDropped() {
    ScenarioPath path = ScenarioPath.parse("n1:1 n4:0");
    ScenarioPath.Replay replay = path.replay(DISCHARGE);
    assertEquals(1, replay.exchanges().size());
    assertEquals("n2-recall", replay.currentOrNull().id());
    assertEquals("n1:1", ScenarioPath.of(replay).format());
  }

  @Test
  void malformedStoredPathsReadAsEmpty() {
    assertEquals(ScenarioPath.EMPTY, ScenarioPath.parse("n1:0 <script>"));
    assertEquals(ScenarioPath.EMPTY, ScenarioPath.parse(null));
  }

  @Test
  void acceptsAReplyAtTheCurrentNode() {
    assertEquals(2, ScenarioPath.EMPTY.accept(DISCHARGE, "n1", "2"));
    assertEquals(0, ScenarioPath.parse("n1:1").accept(DISCHARGE, "n2-recall", "0"));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "'', n1, null, MISSING_CHOICE",
        "'', n1, ' ', MISSING_CHOICE",
        "'', n1, 3, UNKNOWN_CHOICE",
        "'', n1, -1, UNKNOWN_CHOICE",
        "'', n1, one, UNKNOWN_CHOICE",
        "'', no-such-node, 0, UNKNOWN_NODE",
        "'', null, 0, UNKNOWN_NODE",
        "'', n3-gap, 0, STALE_NODE",
        "n1:0, n1, 0, STALE_NODE",
        "n1:1 n2-recall:1 n3-gap:0 n4:0, n4, 0, SCENARIO_FINISHED"
      })
  void refusesRepliesThatDoNotFit(String stored, String node, String choice, PlayerProblem why) {
    PlayerException refused =
        assertThrows(
            PlayerException.class,
            () -> ScenarioPath.parse(stored).accept(DISCHARGE, node, choice));
    assertEquals(why, refused.problem());
    assertTrue(refused.problem().status() >= 400 && refused.problem().status() < 500);
  }
}
