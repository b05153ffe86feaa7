package org.rapport.lti;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.lti.dev.DevelopmentModeFilter;
import org.rapport.lti.dev.DevelopmentOnly;
import org.rapport.lti.dev.DevelopmentPathFilter;
import org.rapport.lti.dev.fixture.UngatedPlatformResource;
import org.rapport.lti.fixture.DevPlatformCaller;
import org.rapport.lti.fixture.cycle.first.First;
import org.rapport.lti.fixture.cycle.second.Second;
import org.rapport.lti.protocol.fixture.FrameworkBoundClaim;
import org.rapport.lti.settings.RapportSettings;

/**
 * The structure the build enforces, checked on Rapport's production classes (both modules). Each
 * rule is also run on a test-only fixture that breaks it, to show that the rule catches what it is
 * meant to catch. The curriculum's own boundary (no LTI, no HTTP) is checked in the curriculum
 * module ({@code CurriculumBoundaryTest}).
 */
class ArchitectureRulesTest {

  /** The framework-free LTI 1.3 implementation depends on the JDK and Nimbus JOSE+JWT only. */
  static final ArchRule PROTOCOL_IS_FRAMEWORK_FREE =
      noClasses()
          .that()
          .resideInAPackage("org.rapport.lti.protocol..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "jakarta..",
                      "javax.ws..",
                      "javax.servlet..",
                      "javax.persistence..",
                      "javax.inject..",
                      "javax.enterprise..",
                      "org.eclipse.microprofile..",
                      "org.glassfish..",
                      "fish.payara..",
                      "org.rapport.curriculum..")
                  .or(
                      resideInAPackage("org.rapport.lti..")
                          .and(resideOutsideOfPackage("org.rapport.lti.protocol.."))))
          .as("protocol imports no Jakarta EE type and nothing of the application")
          .because("it implements LTI 1.3 on its own and is tested without a container");

  /** No package depends on itself through others: each package of both modules is one slice. */
  static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("org.rapport.(**)")
          .should()
          .beFreeOfCycles()
          .as("no package cycles in Rapport")
          .because("a cycle ties features together so that none can change on its own");

  /**
   * The built-in test platform is gated by its two filters (one by path before a resource is
   * chosen, one bound to the resources), not by a check in each method.
   */
  static final ArchRule ONLY_THE_FILTER_ASKS_FOR_DEVELOPMENT_MODE =
      noClasses()
          .that()
          .resideInAPackage("org.rapport.lti.dev..")
          .and()
          .doNotBelongToAnyOf(DevelopmentModeFilter.class, DevelopmentPathFilter.class)
          .should()
          .callMethod(RapportSettings.class, "devMode")
          .as(
              "in dev, only DevelopmentModeFilter and DevelopmentPathFilter ask whether"
                  + " development mode is on");

  static final ArchRule EVERY_DEV_RESOURCE_IS_GATED =
      classes()
          .that()
          .resideInAPackage("org.rapport.lti.dev..")
          .and()
          .areAnnotatedWith(Path.class)
          .should()
          .beAnnotatedWith(DevelopmentOnly.class)
          .as("every resource of the test platform is @DevelopmentOnly")
          .because("DevelopmentModeFilter answers 404 for exactly these resources");

  static final ArchRule DEV_IS_REACHED_ONLY_OVER_HTTP =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.rapport.lti.dev..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.rapport.lti.dev..")
          .as("nothing outside dev uses the test platform's classes")
          .because("it is reachable only through its gated resources");

  static final ArchRule DEV_ADDRESSES_BELONG_TO_DEV =
      classes()
          .that(haveAPathUnderDev())
          .should()
          .resideInAPackage("org.rapport.lti.dev..")
          .as("every resource under /dev lives in the dev package, behind its filter");

  static final List<ArchRule> DEV_RULES =
      List.of(
          ONLY_THE_FILTER_ASKS_FOR_DEVELOPMENT_MODE,
          EVERY_DEV_RESOURCE_IS_GATED,
          DEV_IS_REACHED_ONLY_OVER_HTTP,
          DEV_ADDRESSES_BELONG_TO_DEV);

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rapport");
  }

  @Test
  void productionClassesAreThoseOfBothModules() {
    assertTrue(production.contain(RapportSettings.class), "lti-tool classes imported");
    assertTrue(
        production.containPackage("org.rapport.curriculum.assessments"),
        "curriculum classes imported");
    assertFalse(production.contain(FrameworkBoundClaim.class), "test fixtures left out");
  }

  @Test
  void protocolImportsNoJakartaEeTypeAndNothingOfTheApplication() {
    PROTOCOL_IS_FRAMEWORK_FREE.check(production);
  }

  @Test
  void protocolRuleCatchesAJakartaTypeAndAnApplicationClass() {
    String report = violations(PROTOCOL_IS_FRAMEWORK_FREE, FrameworkBoundClaim.class);
    assertTrue(report.contains("jakarta.ws.rs.core.Response"), report);
    assertTrue(report.contains("org.rapport.lti.launch.Learner"), report);
  }

  @Test
  void packagesHaveNoCycles() {
    NO_PACKAGE_CYCLES.check(production);
  }

  @Test
  void cycleRuleCatchesTwoPackagesThatUseEachOther() {
    String report = violations(NO_PACKAGE_CYCLES, First.class, Second.class);
    assertTrue(report.contains("fixture.cycle.first"), report);
    assertTrue(report.contains("fixture.cycle.second"), report);
  }

  @Test
  void theTestPlatformIsReachableOnlyThroughTheDevelopmentModeFilter() {
    DEV_RULES.forEach(rule -> rule.check(production));
  }

  @Test
  void devRulesCatchAnUngatedResourceThatChecksTheModeItselfAndACallerOutsideDev() {
    JavaClasses fixtures =
        new ClassFileImporter()
            .importClasses(UngatedPlatformResource.class, DevPlatformCaller.class);
    for (ArchRule rule : DEV_RULES) {
      assertTrue(rule.evaluate(fixtures).hasViolation(), "not caught: " + rule.getDescription());
    }
  }

  private static String violations(ArchRule rule, Class<?>... fixtures) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixtures));
    assertTrue(result.hasViolation(), "the rule let the fixture pass: " + rule.getDescription());
    return result.getFailureReport().toString();
  }

  private static DescribedPredicate<JavaClass> haveAPathUnderDev() {
    return DescribedPredicate.describe(
        "have a @Path under /dev",
        c ->
            c.tryGetAnnotationOfType(Path.class)
                .map(p -> p.value().replaceFirst("^/", ""))
                .filter(v -> v.equals("dev") || v.startsWith("dev/"))
                .isPresent());
  }
}
