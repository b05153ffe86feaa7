package org.rapport.lti.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application can run code and has memory to spare. */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {
  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    return HealthCheckResponse.named("process")
        .status(free > 16L * 1024 * 1024)
        .withData("freeMemoryMiB", free / (1024 * 1024))
        .build();
  }
}
