package org.rapport.lti.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resources (classes annotated {@link Path}) handle HTTP only: they parse the request, call one
 * use-case service and choose a representation. They never reach the database themselves: no JDBC,
 * no JPA, no {@code UserTransaction}, nothing of Rapport's persistence package, no {@code
 * *Repository} (a use case checks that what a request names exists); and they hold no transaction:
 * {@code @Transactional} belongs on the use-case service, which decides what one transaction
 * covers. Every resource method says who may call it: {@link RolesAllowed}, {@link PermitAll} or
 * {@link DenyAll} on the method or its class, so that a new endpoint cannot be public by omission.
 */
class ResourceRulesTest {
  /**
   * Packages whose resources still reach the database themselves; each leaves this list when its
   * resources are made thin. Every other package of the application is held to the rule.
   */
  static final String[] NOT_YET_THIN = {};

  private static JavaClasses application;

  @BeforeAll
  static void importApplication() {
    application =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rapport.lti");
  }

  static ArchRule resourcesUseNoPersistence(String... exempt) {
    return noClasses()
        .that()
        .areAnnotatedWith(Path.class)
        .and()
        .resideOutsideOfPackages(exempt)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "javax.sql..", "jakarta.persistence..", "org.rapport.lti.persistence..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.transaction.UserTransaction")
        .because("a resource calls a use-case service, which holds the transaction and the data");
  }

  @Test
  void resourcesReachTheDatabaseOnlyThroughUseCases() {
    resourcesUseNoPersistence(NOT_YET_THIN).check(application);
  }

  @Test
  void theRuleCatchesAResourceThatOpensAConnection() {
    JavaClasses fixture =
        new ClassFileImporter().importClasses(ResourceWithAConnection.class, Connection.class);
    EvaluationResult result = resourcesUseNoPersistence().evaluate(fixture);
    assertTrue(result.hasViolation(), "a resource with a DataSource must break the rule");
    assertTrue(
        result.getFailureReport().getDetails().stream()
            .anyMatch(line -> line.contains("javax.sql.DataSource")),
        String.join("\n", result.getFailureReport().getDetails()));
  }

  static ArchRule resourcesCallNoRepository() {
    return noClasses()
        .that()
        .areAnnotatedWith(Path.class)
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .because(
            "a repository is reached through a use-case service, which checks what the request"
                + " names exists and holds the transaction");
  }

  @Test
  void resourcesReachRepositoriesOnlyThroughUseCases() {
    resourcesCallNoRepository().check(application);
  }

  @Test
  void theRuleCatchesAResourceThatAsksARepository() {
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(ResourceWithARepository.class, FixtureRepository.class);
    EvaluationResult result = resourcesCallNoRepository().evaluate(fixture);
    assertTrue(result.hasViolation(), "a resource with a repository must break the rule");
    assertTrue(
        result.getFailureReport().getDetails().stream()
            .anyMatch(line -> line.contains(FixtureRepository.class.getName())),
        String.join("\n", result.getFailureReport().getDetails()));
  }

  /** A repository, for the fixture below. */
  static class FixtureRepository {
    boolean exists(long id) {
      return id > 0;
    }
  }

  /** What the rule forbids: a resource that checks existence with a repository itself. */
  @Path("architecture-fixture/repository")
  static class ResourceWithARepository {
    FixtureRepository repository = new FixtureRepository();

    @GET
    public String exists() {
      return String.valueOf(repository.exists(1));
    }
  }

  static ArchRule resourcesHoldNoTransaction() {
    return noClasses()
        .that()
        .areAnnotatedWith(Path.class)
        .should()
        .beAnnotatedWith(Transactional.class)
        .because("the use-case service a resource calls holds the transaction");
  }

  static ArchRule resourceMethodsHoldNoTransaction() {
    return noMethods()
        .that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(Path.class)
        .should()
        .beAnnotatedWith(Transactional.class)
        .because("the use-case service a resource calls holds the transaction");
  }

  @Test
  void resourcesLeaveTransactionsToUseCases() {
    resourcesHoldNoTransaction().check(application);
    resourceMethodsHoldNoTransaction().check(application);
  }

  @Test
  void theRuleCatchesATransactionalResource() {
    JavaClasses fixture =
        new ClassFileImporter()
            .importClasses(TransactionalResource.class, ResourceWithATransactionalMethod.class);
    EvaluationResult onClass = resourcesHoldNoTransaction().evaluate(fixture);
    assertTrue(onClass.hasViolation(), "a @Transactional resource must break the rule");
    assertTrue(
        onClass.getFailureReport().getDetails().stream()
            .anyMatch(line -> line.contains(TransactionalResource.class.getName())),
        String.join("\n", onClass.getFailureReport().getDetails()));
    EvaluationResult onMethod = resourceMethodsHoldNoTransaction().evaluate(fixture);
    assertTrue(onMethod.hasViolation(), "a @Transactional resource method must break the rule");
    assertTrue(
        onMethod.getFailureReport().getDetails().stream()
            .anyMatch(line -> line.contains(ResourceWithATransactionalMethod.class.getName())),
        String.join("\n", onMethod.getFailureReport().getDetails()));
  }

  /** What the rule forbids: a resource that is its own use case. */
  @Path("architecture-fixture/transactional")
  @Transactional
  static class TransactionalResource {
    @GET
    public String count() {
      return "0";
    }
  }

  /** What the rule forbids: one resource method holding a transaction. */
  @Path("architecture-fixture/transactional-method")
  static class ResourceWithATransactionalMethod {
    @GET
    @Transactional
    public String count() {
      return "0";
    }
  }

  /** What the rule forbids: JDBC in a resource. */
  @Path("architecture-fixture")
  static class ResourceWithAConnection {
    @Resource DataSource dataSource;

    @GET
    public String count() throws SQLException {
      try (Connection c = dataSource.getConnection()) {
        return c.getCatalog();
      }
    }
  }

  static ArchRule resourceMethodsSayWhoMayCallThem() {
    return methods()
        .that()
        .areMetaAnnotatedWith(HttpMethod.class)
        .should(
            new ArchCondition<JavaMethod>(
                "be annotated, or be declared in a class annotated, with @RolesAllowed,"
                    + " @PermitAll or @DenyAll") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                boolean covered =
                    method.isAnnotatedWith(RolesAllowed.class)
                        || method.isAnnotatedWith(PermitAll.class)
                        || method.isAnnotatedWith(DenyAll.class)
                        || method.getOwner().isAnnotatedWith(RolesAllowed.class)
                        || method.getOwner().isAnnotatedWith(PermitAll.class)
                        || method.getOwner().isAnnotatedWith(DenyAll.class);
                if (!covered) {
                  events.add(
                      SimpleConditionEvent.violated(
                          method, method.getFullName() + " names no role rule"));
                }
              }
            })
        .because("RoleCheck refuses everyone at a resource method without a rule");
  }

  @Test
  void everyResourceMethodSaysWhoMayCallIt() {
    resourceMethodsSayWhoMayCallThem().check(application);
  }

  @Test
  void theRuleCatchesAResourceMethodWithoutARoleRule() {
    JavaClasses fixture = new ClassFileImporter().importClasses(ResourceWithAnOpenMethod.class);
    EvaluationResult result = resourceMethodsSayWhoMayCallThem().evaluate(fixture);
    List<String> details = result.getFailureReport().getDetails();
    assertTrue(
        details.stream().anyMatch(line -> line.contains("forgotten")), String.join("\n", details));
    assertTrue(
        details.stream().noneMatch(line -> line.contains("guarded")), String.join("\n", details));
  }

  /** What the rule forbids: an endpoint that says nothing about who may call it. */
  @Path("architecture-fixture/open")
  static class ResourceWithAnOpenMethod {
    @GET
    public String forgotten() {
      return "anyone";
    }

    @POST
    @RolesAllowed("administrator")
    public String guarded() {
      return "administrators";
    }
  }
}
