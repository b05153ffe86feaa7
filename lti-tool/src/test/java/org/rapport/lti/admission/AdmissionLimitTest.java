package org.rapport.lti.admission;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdmissionLimitTest {
  @Test
  void admitsUpToThePermitsThenQueuesThenRefusesAtOnce() throws Exception {
    AdmissionLimit limit = new AdmissionLimit(2, 1, 10_000);
    assertTrue(limit.enter());
    assertTrue(limit.enter());
    CompletableFuture<Boolean> queued =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return limit.enter();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (limit.waiting() < 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(limit.waiting() == 1, "the third request waits in the queue");
    long before = System.nanoTime();
    assertFalse(limit.enter(), "the queue is full");
    assertTrue(
        System.nanoTime() - before < TimeUnit.SECONDS.toNanos(1),
        "a request beyond the queue is refused without waiting");
    limit.release();
    assertTrue(queued.get(10, TimeUnit.SECONDS), "the waiting request gets the released permit");
  }

  @Test
  void aWaitingRequestGivesUpAfterTheLongestWait() throws Exception {
    AdmissionLimit limit = new AdmissionLimit(1, 5, 50);
    assertTrue(limit.enter());
    long before = System.nanoTime();
    assertFalse(limit.enter());
    assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(50));
    limit.release();
    assertTrue(limit.enter());
  }

  @Test
  void livenessAndAssetsNeverWait() {
    assertTrue(AdmissionFilter.exempt("/health/live"));
    assertTrue(AdmissionFilter.exempt("/assets/rapport.css"));
    assertFalse(AdmissionFilter.exempt("/lti/launch"));
    assertFalse(AdmissionFilter.exempt("/health/ready"));
  }
}
