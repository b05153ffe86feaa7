package org.rapport.curriculum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.rapport.curriculum.assessments.Scorer;
import org.rapport.curriculum.fixture.HttpFetchingCatalog;

/**
 * The curriculum is the domain: it speaks of learners, cohorts and waves by value, and knows no LTI
 * and no HTTP, so that it can be tested and reused without a container or an LMS. (The Maven module
 * has no such library on its compile path either; this rule also covers the JDK's own HTTP clients
 * and servers, which the module path cannot keep out.)
 */
class CurriculumBoundaryTest {

  static final ArchRule CURRICULUM_KNOWS_NO_LTI_AND_NO_HTTP =
      noClasses()
          .that()
          .resideInAPackage("org.rapport.curriculum..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.rapport.lti..",
              "com.nimbusds..",
              "jakarta.ws.rs..",
              "jakarta.servlet..",
              "javax.ws.rs..",
              "javax.servlet..",
              "java.net.http..",
              "com.sun.net.httpserver..")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(java.net.HttpURLConnection.class, java.net.URLConnection.class)
          .as("curriculum knows no LTI and no HTTP");

  @Test
  void curriculumKnowsNoLtiAndNoHttp() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rapport.curriculum");
    assertTrue(production.contain(Scorer.class), "curriculum classes imported");
    assertFalse(production.contain(HttpFetchingCatalog.class), "test fixtures left out");
    CURRICULUM_KNOWS_NO_LTI_AND_NO_HTTP.check(production);
  }

  @Test
  void ruleCatchesACurriculumClassThatCallsOverHttp() {
    EvaluationResult result =
        CURRICULUM_KNOWS_NO_LTI_AND_NO_HTTP.evaluate(
            new ClassFileImporter().importClasses(HttpFetchingCatalog.class));
    assertTrue(result.hasViolation());
    String report = result.getFailureReport().toString();
    assertTrue(report.contains("java.net.http.HttpClient"), report);
    assertTrue(report.contains("java.net.HttpURLConnection"), report);
  }
}
