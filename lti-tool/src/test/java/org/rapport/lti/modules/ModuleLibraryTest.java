package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.curriculum.modules.ContentException;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;

class ModuleLibraryTest {
  private static final Path INSTITUTION = Path.of("src/test/resources/institution-modules");

  /** How many modules Rapport ships: the catalogue grows, so the tests follow its index. */
  private static final int SHIPPED = ModuleCatalog.load(null).size();

  private final Logger log = Logger.getLogger("test." + ModuleLibraryTest.class.getName());
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.setUseParentHandlers(false);
    log.addHandler(capture);
  }

  @AfterEach
  void stop() {
    log.removeHandler(capture);
  }

  @Test
  void withoutADirectoryOffersTheShippedModules() {
    ModuleCatalog catalog = ModuleLibrary.loadCatalog(Optional.empty(), log);
    assertTrue(SHIPPED >= 12, "only " + SHIPPED + " modules are shipped");
    assertEquals(SHIPPED, catalog.size());
    assertTrue(records.stream().anyMatch(r -> r.getMessage().contains(SHIPPED + " modules")));
  }

  @Test
  void addsTheInstitutionsModules() {
    ModuleCatalog catalog =
        ModuleLibrary.loadCatalog(Optional.of(INSTITUTION.toAbsolutePath().toString()), log);
    assertEquals(SHIPPED + 1, catalog.size());
    assertTrue(catalog.find(ModuleId.of("saying-thank-you")).isPresent());
  }

  @Test
  void aBrokenFileStopsLoadingWithFileFieldAndProblemLoggedAtSevere(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("broken-module.yaml"),
        Files.readString(INSTITUTION.resolve("saying-thank-you.yaml"))
            .replace("id: saying-thank-you", "id: broken-module")
            .replace("minutes: 10", "minutes: 3"));
    ContentException e =
        assertThrows(
            ContentException.class,
            () -> ModuleLibrary.loadCatalog(Optional.of(dir.toString()), log));
    assertTrue(
        e.getMessage().contains("broken-module.yaml: minutes: must be between"), e.getMessage());
    LogRecord severe =
        records.stream().filter(r -> r.getLevel() == Level.SEVERE).findFirst().orElseThrow();
    assertTrue(severe.getMessage().contains("broken-module.yaml: minutes:"), severe.getMessage());
  }

  @Test
  void aMissingDirectoryStopsStartupNamingIt(@TempDir Path dir) {
    ContentException e =
        assertThrows(
            ContentException.class,
            () -> ModuleLibrary.loadCatalog(Optional.of(dir.resolve("nope").toString()), log));
    assertTrue(e.getMessage().contains("nope: (directory): does not exist"), e.getMessage());
    assertTrue(
        records.stream()
            .anyMatch(r -> r.getLevel() == Level.SEVERE && r.getMessage().contains("nope")));
  }

  @Test
  void aMinimumGroupSizeBelowFiveIsRaisedToFive() {
    assertEquals(5, MinimumGroupSize.ruleFor(3, log).minimumGroupSize());
    assertEquals(12, MinimumGroupSize.ruleFor(12, log).minimumGroupSize());
    assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING));
  }
}
