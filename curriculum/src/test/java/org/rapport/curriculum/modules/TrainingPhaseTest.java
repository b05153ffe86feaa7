package org.rapport.curriculum.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingPhaseTest {

  @Test
  void readsTheNamesUsedInModuleFiles() {
    assertEquals(Optional.of(TrainingPhase.FINAL_YEAR), TrainingPhase.fromYamlName("final-year"));
    assertEquals(Optional.empty(), TrainingPhase.fromYamlName("FINAL_YEAR"));
  }
}
