package org.rapport.lti.dev;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapport.lti.settings.RapportSettings;

/**
 * The filter in development mode, and its binding to the test platform. That every {@code /dev/…}
 * address answers 404 with development mode off needs the JAX-RS runtime and is shown by the
 * integration run with development mode off.
 */
class DevelopmentModeFilterTest {

  @Test
  void letsTheRequestThroughInDevelopmentMode() {
    assertDoesNotThrow(() -> filter(true).filter(null));
  }

  @Test
  void isNameBoundToTheTestPlatformResource() {
    assertTrue(DevPlatformResource.class.isAnnotationPresent(DevelopmentOnly.class));
    assertTrue(DevelopmentModeFilter.class.isAnnotationPresent(DevelopmentOnly.class));
  }

  @Test
  void thePathFilterRunsBeforeAResourceIsChosenAndLetsEverythingThroughInDevelopmentMode() {
    assertTrue(
        DevelopmentPathFilter.class.isAnnotationPresent(jakarta.ws.rs.container.PreMatching.class));
    DevelopmentPathFilter filter = new DevelopmentPathFilter();
    filter.settings = settings(true);
    assertDoesNotThrow(() -> filter.filter(null));
  }

  private static RapportSettings settings(boolean devMode) {
    return new RapportSettings() {
      @Override
      public boolean devMode() {
        return devMode;
      }
    };
  }

  private static DevelopmentModeFilter filter(boolean devMode) {
    DevelopmentModeFilter filter = new DevelopmentModeFilter();
    filter.settings =
        new RapportSettings() {
          @Override
          public boolean devMode() {
            return devMode;
          }
        };
    return filter;
  }
}
