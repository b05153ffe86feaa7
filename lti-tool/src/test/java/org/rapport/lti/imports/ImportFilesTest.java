package org.rapport.lti.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportFilesTest {
  @Test
  void readsTheFieldsAndTheFileOfAMultipartForm() {
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"registration\"\r\n\r\n42\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"results.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nstudent_id,cohort\r\nS-1,2024\r\n\r\n--XyZ--\r\n";
    Map<String, ImportFiles.Part> parts =
        ImportFiles.parts(body.getBytes(StandardCharsets.UTF_8), "XyZ");
    assertEquals("42", parts.get("registration").text());
    assertNull(parts.get("registration").fileName());
    assertEquals("results.csv", parts.get("file").fileName());
    assertEquals(
        "student_id,cohort\r\nS-1,2024\r\n",
        new String(parts.get("file").content(), StandardCharsets.UTF_8));
  }

  @Test
  void findsTheBoundaryQuotedOrNot() {
    assertEquals("abc", ImportFiles.boundary("multipart/form-data; boundary=abc"));
    assertEquals("a b", ImportFiles.boundary("multipart/form-data; boundary=\"a b\""));
    assertNull(ImportFiles.boundary("text/csv"));
  }

  @Test
  void theSameBytesGiveTheSameHash() {
    byte[] file = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(ImportFiles.sha256(file), ImportFiles.sha256(file.clone()));
    assertEquals(64, ImportFiles.sha256(file).length());
  }
}
