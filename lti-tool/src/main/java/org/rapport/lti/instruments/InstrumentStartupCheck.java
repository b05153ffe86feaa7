package org.rapport.lti.instruments;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapport.curriculum.instruments.InstrumentException;

/**
 * Loads the instruments when Rapport starts, so that a broken definition or texts file stops
 * startup with the file, field and problem instead of surfacing on a student's page.
 */
@Startup
@Singleton
public class InstrumentStartupCheck {
  private static final Logger LOG = Logger.getLogger(InstrumentStartupCheck.class.getName());

  @Inject Instruments instruments;

  @PostConstruct
  void check() {
    try {
      instruments.catalog();
    } catch (RuntimeException failure) {
      InstrumentException e = cause(failure);
      if (e == null) {
        throw failure;
      }
      String message =
          "Rapport cannot start: the instrument definitions have problems. Fix them and start"
              + " again.\n"
              + e.getMessage();
      LOG.log(Level.SEVERE, message);
      throw new IllegalStateException(message, e);
    }
  }

  private static InstrumentException cause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InstrumentException e) {
        return e;
      }
    }
    return null;
  }
}
