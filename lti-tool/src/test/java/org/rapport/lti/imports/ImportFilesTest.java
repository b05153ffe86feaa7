package org.rapport.lti.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportFilesTest {
  @Test
  void theSameBytesGiveTheSameHash() {
    byte[] file = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(ImportFiles.sha256(file), ImportFiles.sha256(file.clone()));
    assertEquals(64, ImportFiles.sha256(file).length());
  }
}
