package org.rapport.lti.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WaveStatusTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  @Test
  void aWaveIsOpenFromItsFirstToItsLastDayBothIncluded() {
    assertEquals(WaveStatus.OPEN, WaveStatus.of("2026-12-05", "2026-12-20", TODAY));
    assertEquals(WaveStatus.OPEN, WaveStatus.of("2026-11-01", "2026-12-05", TODAY));
    assertEquals(WaveStatus.UPCOMING, WaveStatus.of("2026-12-06", "2026-12-20", TODAY));
    assertEquals(WaveStatus.CLOSED, WaveStatus.of("2026-11-01", "2026-12-04", TODAY));
    assertEquals(WaveStatus.UNSCHEDULED, WaveStatus.of(null, null, TODAY));
  }
}
