package org.rapport.lti.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.ModuleCatalog;
import org.rapport.curriculum.modules.ModuleId;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.Step;
import org.rapport.lti.testdata.Axe;
import org.rapport.lti.testdata.Browser;
import org.rapport.lti.testdata.DevLaunch;
import org.rapport.lti.testdata.ModuleWalker;
import org.rapport.lti.testdata.RapportClient;
import org.rapport.lti.testdata.RapportWar;

/**
 * The module player, deployed as shipped (plus a probe that counts completion events) with the
 * institution directory of the integration tests ({@code RAPPORT_CURRICULUM_MODULES_DIR} points at
 * {@code src/test/resources/institution-modules}, which holds one extra module). Every test uses
 * people and courses of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ModulePlayerIT {
  private static final ModuleCatalog SHIPPED = ModuleCatalog.load(null);
  private static final String INSTITUTION_MODULE = "saying-thank-you";
  private static final Pattern LOCATION_STEP = Pattern.compile("/steps/([a-z0-9-]+)\\?");
  private static final Pattern CARD =
      Pattern.compile("<li class=\"panel module-card\" data-module=\"([a-z0-9-]+)\"");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RapportWar.shipped().addClass(CompletionProbe.class);
  }

  @ArquillianResource URL deployed;

  private static Module module(String id) {
    return ModuleCatalog.load(null)
        .find(ModuleId.of(id))
        .orElseGet(() -> institutionCatalog().find(ModuleId.of(id)).orElseThrow());
  }

  private static ModuleCatalog institutionCatalog() {
    return ModuleCatalog.load(java.nio.file.Path.of("src/test/resources/institution-modules"));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private RapportClient rapport() {
    return new RapportClient(deployed);
  }

  private ModuleWalker student(String user, String course) {
    RapportClient rapport = rapport();
    return new ModuleWalker(
        rapport, DevLaunch.session(rapport, "student", user, "/app/modules", course));
  }

  private ModuleWalker instructor(RapportClient rapport, String user, String course) {
    return new ModuleWalker(
        rapport, DevLaunch.session(rapport, "instructor", user, "/app", course));
  }

  @Test
  void catalogueListsEveryShippedModuleAndTheInstitutionsOwn() {
    ModuleWalker alice = student(unique("cat"), null);
    HttpResponse<String> page = alice.get("/app/modules");
    assertEquals(200, page.statusCode(), page.body());
    List<String> cards = CARD.matcher(page.body()).results().map(m -> m.group(1)).toList();
    assertTrue(SHIPPED.size() >= 12, "only " + SHIPPED.size() + " modules are shipped");
    for (Module module : SHIPPED.all()) {
      assertTrue(cards.contains(module.id().value()), "lists " + module.id());
    }
    assertTrue(cards.contains(INSTITUTION_MODULE), "lists the institution's module");
    assertEquals(SHIPPED.size() + 1, cards.size(), cards.toString());
    for (String family :
        List.of("Communication", "Relationship building", "Resilience", "Patient partnership")) {
      assertTrue(page.body().contains(">" + family + "</h2>"), family);
    }
    assertTrue(page.body().contains("About 18 minutes"), "minutes shown");
    assertTrue(page.body().contains("Strengthens: Cognitive empathy"), "subscales shown");
    assertEquals(SHIPPED.size() + 1, count(page.body(), "data-status=\"not-started\""));
  }

  @Test
  void progressIsSavedAndTheModuleResumesAtTheLastStep() {
    String user = unique("resume");
    Module module = module("opening-the-visit");
    ModuleWalker first = student(user, null);
    HttpResponse<String> intro = first.get("/app/modules/" + module.id());
    assertEquals(200, intro.statusCode());
    assertTrue(intro.body().contains("Start the module"), intro.body());

    Step one = module.steps().get(0);
    Step three = module.steps().get(2);
    assertEquals(303, first.finish(module, one).statusCode());
    HttpResponse<String> third = first.get(ModuleWalker.stepPath(module, three));
    assertEquals(200, third.statusCode());
    assertTrue(third.body().contains("Step 3 of " + module.steps().size()), third.body());
    assertTrue(
        third.body().contains("<progress max=\"" + module.steps().size() + "\" value=\"1\""));

    // A new launch (another day, another session): the module resumes at step 3.
    ModuleWalker later = student(user, null);
    HttpResponse<String> resume = later.get("/app/modules/" + module.id());
    assertEquals(303, resume.statusCode());
    Matcher step = LOCATION_STEP.matcher(resume.headers().firstValue("Location").orElseThrow());
    assertTrue(step.find());
    assertEquals(three.id(), step.group(1));
    String catalogue = later.get("/app/modules").body();
    String card = card(catalogue, module.id().value());
    assertTrue(card.contains("data-status=\"in-progress\""), card);
    assertTrue(card.contains("In progress: step 3 of " + module.steps().size()), card);
    assertTrue(card.contains("1 of " + module.steps().size() + " steps done"), card);
    assertTrue(card.contains(">Resume<"), card);
  }

  @Test
  void completionIsRecordedAndAnnouncedOnceEvenWhenTheLastAnswerIsSentTwice() throws Exception {
    Module module = module(INSTITUTION_MODULE);
    ModuleWalker bo = student(unique("twice"), null);
    Step last = module.steps().get(module.steps().size() - 1);
    assertTrue(last instanceof ReflectionStep);
    for (Step step : module.steps().subList(0, module.steps().size() - 1)) {
      assertEquals(303, bo.finish(module, step).statusCode(), step.id());
    }
    assertTrue(bo.get("/app/modules/" + module.id() + "/complete").body().contains("Almost there"));
    assertEquals("0", probe(bo, module).split(" ")[0]);

    // A double click: the same last answer twice at once, then once more.
    CompletableFuture<HttpResponse<String>> a =
        CompletableFuture.supplyAsync(() -> bo.reflect(module, last, "First thought."));
    CompletableFuture<HttpResponse<String>> b =
        CompletableFuture.supplyAsync(() -> bo.reflect(module, last, "First thought."));
    assertEquals(303, a.get().statusCode(), a.get().body());
    assertEquals(303, b.get().statusCode(), b.get().body());
    String done = bo.get("/app/modules/" + module.id() + "/complete").body();
    assertTrue(done.contains("data-completed=\"true\""), done);
    String when = between(done, "You finished every step on ", ".</p>");
    assertEquals(303, bo.reflect(module, last, "Second thought.").statusCode());

    String probe = probe(bo, module);
    assertTrue(probe.startsWith("1 ModuleCompleted[learner=LearnerRef[registrationId="), probe);
    assertTrue(probe.contains("module=" + INSTITUTION_MODULE), probe);
    String again = bo.get("/app/modules/" + module.id()).body();
    assertTrue(again.contains("You finished every step on " + when + "."), "time unchanged");
    String catalogue = bo.get("/app/modules").body();
    assertTrue(card(catalogue, INSTITUTION_MODULE).contains("data-status=\"completed\""));
  }

  @Test
  void twoTabsStartingTheSameModuleAtOnceShareOneProgress() throws Exception {
    Module module = module("pause-and-reflection");
    ModuleWalker gus = student(unique("tabs"), null);
    String first = ModuleWalker.stepPath(module, module.steps().get(0));
    List<CompletableFuture<HttpResponse<String>>> tabs =
        List.of(
            CompletableFuture.supplyAsync(() -> gus.get(first)),
            CompletableFuture.supplyAsync(() -> gus.get(first)),
            CompletableFuture.supplyAsync(
                () -> gus.post(first + "/read", "step=" + module.steps().get(0).id())));
    for (CompletableFuture<HttpResponse<String>> tab : tabs) {
      int status = tab.get().statusCode();
      assertTrue(status == 200 || status == 303, status + " " + tab.get().body());
    }
    String card = card(gus.get("/app/modules").body(), module.id().value());
    assertTrue(card.contains("1 of " + module.steps().size() + " steps done"), card);
  }

  @Test
  void reflectionsAreTheStudentsAloneAndCanBeExported() {
    String course = unique("priv");
    Module module = module("teach-back");
    Step reflect = module.step("reflect").orElseThrow();
    String secret = "my-private-note-" + UUID.randomUUID();
    ModuleWalker cara = student(unique("cara"), course);
    assertEquals(
        303, cara.reflect(module, reflect, "I felt " + secret + " that day.").statusCode());
    HttpResponse<String> step = cara.get(ModuleWalker.stepPath(module, reflect));
    assertTrue(step.body().contains(secret), "shown back to the student");
    assertTrue(step.body().contains("Your teachers never see it"));

    HttpResponse<String> export = cara.get("/app/reflections/export");
    assertEquals(200, export.statusCode());
    assertTrue(
        export.headers().firstValue("Content-Type").orElseThrow().startsWith("text/markdown"));
    assertTrue(
        export.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
    assertTrue(export.body().contains("I felt " + secret + " that day."), export.body());
    assertTrue(export.body().contains("## " + module.title() + ": " + reflect.title()));

    ModuleWalker other = student(unique("dan"), course);
    assertFalse(other.get("/app/reflections/export").body().contains(secret), "not another's");
    RapportClient rapport = rapport();
    ModuleWalker teacher = instructor(rapport, unique("ines"), course);
    HttpResponse<String> faculty = teacher.get("/app/faculty/modules");
    assertEquals(200, faculty.statusCode());
    assertFalse(faculty.body().contains(secret), "never in the faculty view");
    assertFalse(teacher.get("/app/reflections/export").body().contains(secret));
  }

  @Test
  void facultyReadEachModulesFacilitatorGuideAndStudentsSeeItsSources() {
    String course = unique("guide");
    ModuleWalker teacher = instructor(rapport(), unique("gus"), course);
    String list = teacher.get("/app/faculty/modules").body();
    assertTrue(list.contains("/app/faculty/modules/teach-back/guide"), list);
    HttpResponse<String> guide = teacher.get("/app/faculty/modules/teach-back/guide");
    assertEquals(200, guide.statusCode());
    assertTrue(guide.body().contains("A 30-minute small-group debrief"), guide.body());
    assertTrue(guide.body().contains("<li id=\"ref-schillinger-2003\" value=\"2\">"));
    assertEquals(404, teacher.get("/app/faculty/modules/no-such-module/guide").statusCode());
    ModuleWalker student = student(unique("rita"), course);
    assertEquals(403, student.get("/app/faculty/modules/teach-back/guide").statusCode());

    Module module = module("teach-back");
    String reading =
        student
            .get(ModuleWalker.stepPath(module, module.step("what-teach-back-is").orElseThrow()))
            .body();
    assertTrue(reading.contains("href=\"#ref-kessels-2003\""), reading);
    assertTrue(reading.contains("<li id=\"ref-kessels-2003\" value=\"1\">"), reading);
    assertFalse(reading.contains("[@"), "no raw citation is shown");
  }

  @Test
  void studentsAreRefusedTheFacultyPage() {
    HttpResponse<String> page = student(unique("eve"), null).get("/app/faculty/modules");
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("This page is for faculty of the course"), page.body());
  }

  @Test
  void aCourseWithFewerThanTenStudentsShowsNoFigures() {
    String course = unique("small");
    Module module = module(INSTITUTION_MODULE);
    for (int i = 0; i < 3; i++) {
      student(unique("s" + i), course).complete(module);
    }
    ModuleWalker teacher = instructor(rapport(), unique("ted"), course);
    String page = teacher.get("/app/faculty/modules").body();
    assertTrue(page.contains("data-course-hidden=\"true\""), page);
    assertTrue(page.contains("Fewer than 10 students"), page);
    assertFalse(page.contains("data-started="), page);
    assertFalse(page.contains("data-completed="), page);
  }

  @Test
  void aCourseOfTenStudentsShowsItsCountsAndHidesWhatWouldRevealOne() {
    String course = unique("ten");
    Module module = module(INSTITUTION_MODULE);
    for (int i = 0; i < 10; i++) {
      student(unique("t" + i), course).complete(module);
    }
    RapportClient rapport = rapport();
    ModuleWalker teacher = instructor(rapport, unique("tina"), course);
    String page = teacher.get("/app/faculty/modules").body();
    assertTrue(page.contains("data-students=\"10\""), page);
    String row = row(page, INSTITUTION_MODULE);
    assertTrue(row.contains("data-started=\"10\""), row);
    assertTrue(row.contains("data-completed=\"10\""), row);
    assertTrue(row.contains("100%"), row);
    assertTrue(row(page, "teach-back").contains("data-started=\"0\""));

    // An eleventh student only starts: "completed" would reveal that one by subtraction.
    ModuleWalker late = student(unique("late"), course);
    assertEquals(303, late.finish(module, module.steps().get(0)).statusCode());
    String after = teacher.get("/app/faculty/modules").body();
    String lateRow = row(after, INSTITUTION_MODULE);
    assertTrue(after.contains("data-students=\"11\""), after);
    assertTrue(lateRow.contains("data-started=\"11\""), lateRow);
    assertTrue(lateRow.contains("data-completed=\"Hidden\""), lateRow);
    assertFalse(lateRow.contains("%"), lateRow);
  }

  @Test
  void facultySeeOnlyTheirOwnCourseAndTenant() {
    String courseA = unique("iso");
    String courseB = unique("iso");
    Module module = module(INSTITUTION_MODULE);
    for (int i = 0; i < 10; i++) {
      student(unique("a" + i), courseA).complete(module);
      student(unique("b" + i), courseB); // launched, nothing started
    }
    String pageB = instructor(rapport(), unique("ivy"), courseB).get("/app/faculty/modules").body();
    assertTrue(pageB.contains("data-students=\"10\""), pageB);
    assertTrue(row(pageB, INSTITUTION_MODULE).contains("data-started=\"0\""), pageB);

    // The same course id at another tenant is another course, with none of course A's data.
    RapportClient second = RapportClient.secondTenant(deployed);
    for (int i = 0; i < 10; i++) {
      DevLaunch.session(second, "student", unique("c" + i), "/app/modules", courseA);
    }
    ModuleWalker otherTeacher = instructor(second, unique("ivo"), courseA);
    String other = otherTeacher.get("/app/faculty/modules").body();
    assertTrue(other.contains("data-students=\"10\""), other);
    assertTrue(row(other, INSTITUTION_MODULE).contains("data-started=\"0\""), other);
    String pageA = instructor(rapport(), unique("ian"), courseA).get("/app/faculty/modules").body();
    assertTrue(pageA.contains("data-students=\"10\""), pageA);
    assertTrue(row(pageA, INSTITUTION_MODULE).contains("data-completed=\"10\""), pageA);
  }

  @Test
  void badInputIsRefusedWithASentenceAndChangesNothing() {
    Module module = module("teach-back");
    ModuleWalker fay = student(unique("fay"), null);
    String scenario =
        ModuleWalker.stepPath(module, module.step("discharge-scenario").orElseThrow());
    String reading = ModuleWalker.stepPath(module, module.steps().get(0));
    String check = ModuleWalker.stepPath(module, module.step("check").orElseThrow());
    String practice =
        ModuleWalker.stepPath(module, module.step("teach-back-practice").orElseThrow());
    String reflect = ModuleWalker.stepPath(module, module.step("reflect").orElseThrow());

    refused(fay.get("/app/modules/no-such-module"), 404, "There is no module at this address");
    refused(fay.get("/app/modules/Not_A_Module!"), 404, "There is no module at this address");
    refused(fay.get("/app/modules/teach-back/steps/nope"), 404, "This module has no step");
    refused(fay.post(reading + "/reply", "node=n1&choice=0"), 400, "does not take that kind");
    refused(fay.post(scenario + "/reply", "node=n1"), 400, "Choose one of the replies");
    refused(fay.post(scenario + "/reply", "node=n1&choice=7"), 400, "not one of the choices");
    refused(fay.post(scenario + "/reply", "node=n1&choice=x"), 400, "not one of the choices");
    refused(fay.post(scenario + "/reply", "node=forged&choice=0"), 400, "does not belong");
    refused(fay.post(scenario + "/reply", "node=n4&choice=0"), 409, "already answered");
    refused(fay.post(check + "/answers", "q1=0&q3=0"), 400, "Questions 2 and 4 still need");
    refused(fay.post(check + "/answers", "q1=0&q2=0&q3=0&q4=9"), 400, "not an option");
    refused(fay.post(practice + "/practice", "response=+++"), 400, "Write your answer");
    refused(fay.post(practice + "/practice", "response=ok&tick=99"), 400, "not on this checklist");
    String tooLong = "x".repeat(20_001);
    HttpResponse<String> longReflection = fay.post(reflect + "/reflection", "entry=" + tooLong);
    refused(longReflection, 400, "longer than 20,000 characters");
    assertTrue(longReflection.body().contains(tooLong), "the text is kept in the box");
    refused(fay.post(reflect + "/reflection", "entry="), 400, "Write something before you save");
    refused(
        rapport().postForm(reflect + "/reflection?s=forged", "entry=hi"), 401, "session has ended");

    // None of that was saved: the scenario is still at its start, nothing done, no reflection.
    String scenarioPage = fay.get(scenario).body();
    assertTrue(scenarioPage.contains("name=\"node\" value=\"n1\""), scenarioPage);
    assertTrue(scenarioPage.contains("0 of 6 steps done"), scenarioPage);
    assertTrue(fay.get("/app/reflections/export").body().contains("not written any reflections"));
    // Exactly 20,000 characters is accepted.
    assertEquals(
        303, fay.post(reflect + "/reflection", "entry=" + "y".repeat(20_000)).statusCode());
  }

  @Test
  void aStudentWorksThroughModulesInTheBrowser() throws Exception {
    String user = unique("web");
    String launch =
        rapport().base()
            + "/dev/platform/launch?role=student&user="
            + user
            + "&target=/app/modules";
    ChromeDriver driver = Browser.start(false);
    try {
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      driver.get(launch);
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Modules"));
      Axe.assertNoSeriousViolations(driver, "catalogue");

      // The whole of teach-back: two readings, a scenario, a check, practice and a reflection.
      clickAndWait(driver, By.cssSelector("[data-module='teach-back'] h3 a"));
      clickAndWait(driver, By.linkText("Start the module"));
      Axe.assertNoSeriousViolations(driver, "reading step");
      clickAndWait(driver, By.cssSelector("[data-next]"));
      clickAndWait(driver, By.cssSelector("[data-next]"));
      assertTrue(heading(driver).startsWith("Scenario:"), heading(driver));
      Axe.assertNoSeriousViolations(driver, "scenario step");
      int replies = 0;
      while (driver.findElements(By.cssSelector("[data-scenario-ended]")).isEmpty()) {
        driver.findElement(By.id("choice-0")).click();
        clickAndWait(driver, By.xpath("//button[normalize-space()='Reply']"));
        String feedback = driver.findElement(By.id("latest")).getText();
        assertTrue(
            feedback.matches("(?s)Feedback: (Best choice|Mixed|Poor choice)\\..+"), feedback);
        assertTrue(++replies < 10, "the scenario ends");
      }
      assertTrue(replies >= 3, "at least three decision points");
      assertTrue(driver.findElement(By.id("debrief-heading")).isDisplayed());
      clickAndWait(driver, By.cssSelector("[data-next]"));
      assertTrue(heading(driver).startsWith("Knowledge check:"), heading(driver));
      Axe.assertNoSeriousViolations(driver, "knowledge check");
      List<WebElement> questions = driver.findElements(By.cssSelector("fieldset.question"));
      for (int q = 1; q <= questions.size(); q++) {
        driver.findElement(By.id("q" + q + "-0")).click();
      }
      clickAndWait(driver, By.xpath("//button[normalize-space()='Check answers']"));
      String score = driver.findElement(By.cssSelector(".score")).getText();
      assertTrue(
          score.matches("You answered \\d of " + questions.size() + " questions correctly\\."));
      int options = driver.findElements(By.cssSelector(".option-result")).size();
      assertEquals(options, driver.findElements(By.cssSelector(".verdict")).size());
      assertTrue(options >= questions.size() * 3);
      clickAndWait(driver, By.cssSelector("[data-next]"));
      driver.findElement(By.id("response")).sendKeys("What would you do if you saw blood?");
      driver.findElement(By.id("tick-0")).click();
      clickAndWait(driver, By.xpath("//button[contains(., 'model answer')]"));
      assertTrue(driver.findElement(By.id("model-heading")).isDisplayed());
      clickAndWait(driver, By.cssSelector("[data-next]"));
      driver.findElement(By.id("entry")).sendKeys("I will try the phrase about my explanation.");
      clickAndWait(driver, By.xpath("//button[normalize-space()='Save reflection']"));
      assertTrue(
          driver.findElement(By.id("saved")).getText().startsWith("Your reflection is saved"));
      clickAndWait(driver, By.cssSelector("[data-next]"));
      assertTrue(heading(driver).startsWith("You have completed Teach-back"), heading(driver));

      // Half-way through another module, then a new launch resumes at the same step.
      clickAndWait(driver, By.linkText("Back to the modules"));
      assertTrue(
          driver
              .findElement(By.cssSelector("[data-module='teach-back']"))
              .getText()
              .contains("Completed"));
      clickAndWait(driver, By.cssSelector("[data-module='nonverbal-communication'] h3 a"));
      clickAndWait(driver, By.linkText("Start the module"));
      clickAndWait(driver, By.cssSelector("[data-next]"));
      clickAndWait(driver, By.cssSelector("[data-next]"));
      String stepId = driver.findElement(By.tagName("h1")).getAttribute("data-step");
      String stepHeading = heading(driver);

      driver.switchTo().defaultContent();
      driver.get(launch);
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Modules"));
      WebElement card =
          driver.findElement(By.cssSelector("[data-module='nonverbal-communication']"));
      assertTrue(card.getText().contains("In progress: step 3 of"), card.getText());
      clickAndWait(
          driver, By.cssSelector("[data-module='nonverbal-communication'] .card-progress + p a"));
      assertEquals(stepId, driver.findElement(By.tagName("h1")).getAttribute("data-step"));
      assertEquals(stepHeading, heading(driver));
    } finally {
      driver.quit();
    }
  }

  @Test
  void writtenWorkIsKeptAsADraftWhileTypingAndGoesOnceTheStepIsSubmitted() {
    String course = unique("draft");
    Module module = module("teach-back");
    Step reflect = module.step("reflect").orElseThrow();
    Step practice = module.step("teach-back-practice").orElseThrow();
    String secret = "half-written-" + UUID.randomUUID();
    ModuleWalker erin = student(unique("erin"), course);
    String reflectPath = ModuleWalker.stepPath(module, reflect);

    HttpResponse<String> saved = draft(erin, reflectPath, "I noticed " + secret);
    assertEquals(200, saved.statusCode(), saved.body());
    assertTrue(saved.body().contains("\"kept\":true"), saved.body());
    assertTrue(saved.body().matches("(?s).*\"savedAt\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\".*"));
    HttpResponse<String> page = erin.get(reflectPath);
    assertTrue(page.body().contains(">I noticed " + secret + "</textarea>"), page.body());
    assertTrue(page.body().contains("Draft saved "), "the page says when");
    assertTrue(
        erin.get("/app/reflections/export").body().contains("I noticed " + secret),
        "in the student's own download");

    // Others never see it: a classmate, the course's teacher.
    ModuleWalker classmate = student(unique("finn"), course);
    assertFalse(classmate.get(reflectPath).body().contains(secret));
    assertFalse(classmate.get("/app/reflections/export").body().contains(secret));
    ModuleWalker teacher = instructor(rapport(), unique("gail"), course);
    assertFalse(teacher.get("/app/faculty/modules").body().contains(secret));

    assertEquals(
        303, erin.reflect(module, reflect, "I noticed " + secret + ", finally.").statusCode());
    HttpResponse<String> after = erin.get(reflectPath);
    assertTrue(after.body().contains(", finally.</textarea>"), after.body());
    assertFalse(after.body().contains("Draft saved "), "the draft went with the submission");
    assertFalse(erin.get("/app/reflections/export").body().contains("Drafts not yet saved"));

    // A save that arrives after the submission, with the submitted text, leaves no draft.
    HttpResponse<String> late = draft(erin, reflectPath, "I noticed " + secret + ", finally.");
    assertEquals(200, late.statusCode(), late.body());
    assertTrue(late.body().contains("\"kept\":false"), late.body());
    assertFalse(erin.get(reflectPath).body().contains("Draft saved "));

    String practicePath = ModuleWalker.stepPath(module, practice);
    assertEquals(200, draft(erin, practicePath, "What will you " + secret).statusCode());
    assertTrue(erin.get(practicePath).body().contains(">What will you " + secret + "</textarea>"));
    assertEquals(303, erin.finish(module, practice).statusCode());
    assertFalse(erin.get(practicePath).body().contains(secret), "submitted text replaces it");
  }

  @Test
  void aDraftThatCannotBeSavedIsRefusedWithASentence() {
    Module module = module("teach-back");
    ModuleWalker hal = student(unique("hal"), null);
    String reading = ModuleWalker.stepPath(module, module.steps().get(0));
    String reflect = ModuleWalker.stepPath(module, module.step("reflect").orElseThrow());

    refused(draft(hal, reading, "text"), 400, PlayerProblem.WRONG_KIND.message());
    refused(
        draft(hal, "/app/modules/teach-back/steps/no-such-step", "text"),
        404,
        PlayerProblem.UNKNOWN_STEP.message());
    refused(
        draft(hal, "/app/modules/no-such-module/steps/reflect", "text"),
        404,
        PlayerProblem.UNKNOWN_MODULE.message());
    refused(
        draft(hal, reflect, "x".repeat(TextLimit.MAX_CHARACTERS + 1)),
        400,
        "longer than 20,000 characters");
    HttpResponse<String> noSession =
        rapport()
            .postForm(
                reflect + "/draft?s=ended.token.value", "text=lost", "Accept", "application/json");
    assertEquals(401, noSession.statusCode(), noSession.body());
    assertTrue(noSession.body().contains("session has ended"), noSession.body());
    assertFalse(hal.get(reflect).body().contains("Draft saved "), "nothing was kept");
  }

  @Test
  void typedTextSurvivesAReloadAndAnEndedSessionAndIsRestoredAfterTheNextLaunch() throws Exception {
    String user = unique("kim");
    Module module = module("teach-back");
    String launch =
        rapport().base()
            + "/dev/platform/launch?role=student&user="
            + user
            + "&target=/app/modules/"
            + module.id();
    String first = "First thoughts about the discharge talk.";
    String more = " Written after the break: I will ask them to show me.";
    RapportClient rapport = rapport();
    ChromeDriver driver = Browser.start(false);
    try {
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      driver.get(launch);
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(d -> !d.findElements(By.linkText("Start the module")).isEmpty());
      clickAndWait(driver, By.linkText("Start the module"));
      driver.findElement(By.cssSelector(".step-outline summary")).click();
      clickAndWait(driver, By.linkText("Reflect"));
      assertEquals("reflect", driver.findElement(By.tagName("h1")).getAttribute("data-step"));
      Axe.assertNoSeriousViolations(driver, "reflection step");

      driver.findElement(By.id("entry")).sendKeys(first);
      wait.until(d -> draftStatus(d).startsWith("Draft saved "));
      assertTrue(draftStatus(driver).matches("Draft saved \\d\\d:\\d\\d"), draftStatus(driver));

      // A normal reload shows the draft from Rapport.
      reloadFrame(driver);
      assertEquals(first, driver.findElement(By.id("entry")).getAttribute("value"));
      assertTrue(draftStatus(driver).startsWith("Draft saved "), draftStatus(driver));
      assertFalse(driver.findElement(By.id("draft-restored")).isDisplayed());
      Axe.assertNoSeriousViolations(driver, "reflection step with a draft");

      // The session ends while the student goes on typing.
      rapport.moveClockForward(Duration.ofMinutes(31));
      driver.findElement(By.id("entry")).sendKeys(more);
      wait.until(
          d -> "ended".equals(d.findElement(By.id("draft-status")).getAttribute("data-state")));
      assertTrue(draftStatus(driver).contains("session has ended"), draftStatus(driver));
      assertEquals(first + more, keptInBrowser(driver));
      WebElement page = driver.findElement(By.tagName("html"));
      driver.findElement(By.xpath("//button[normalize-space()='Save reflection']")).click();
      wait.until(ExpectedConditions.stalenessOf(page));
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Session ended"));
      assertEquals(first + more, keptInBrowser(driver), "the refused submission lost nothing");

      // The next launch resumes at the step and puts the text back.
      driver.switchTo().defaultContent();
      driver.get(launch);
      wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("rapport-frame"));
      wait.until(d -> !d.findElements(By.id("entry")).isEmpty());
      WebElement note = driver.findElement(By.id("draft-restored"));
      assertTrue(note.isDisplayed());
      assertTrue(
          note.getText().contains("We restored text you wrote before your session ended"),
          note.getText());
      assertEquals(first + more, driver.findElement(By.id("entry")).getAttribute("value"));
      wait.until(d -> draftStatus(d).startsWith("Draft saved "));
      wait.until(d -> keptInBrowser(d) == null);
      Axe.assertNoSeriousViolations(driver, "reflection step with restored text");

      clickAndWait(driver, By.xpath("//button[normalize-space()='Save reflection']"));
      assertTrue(
          driver.findElement(By.id("saved")).getText().startsWith("Your reflection is saved"));
      assertEquals(first + more, driver.findElement(By.id("entry")).getAttribute("value"));
      assertEquals("", draftStatus(driver), "no draft once submitted");
      assertEquals(null, keptInBrowser(driver));
      String token =
          ((String) driver.executeScript("return location.search;")).replaceFirst(".*[?&]s=", "");
      String export = new ModuleWalker(rapport, token).get("/app/reflections/export").body();
      assertTrue(export.contains(first + more), export);
      assertFalse(export.contains("Drafts not yet saved"), export);
    } finally {
      rapport.resetClock();
      driver.quit();
    }
  }

  private HttpResponse<String> draft(ModuleWalker walker, String stepPath, String text) {
    return rapport()
        .postForm(
            stepPath + "/draft?s=" + walker.token(),
            "text=" + ModuleWalker.enc(text),
            "Accept",
            "application/json");
  }

  private static String draftStatus(WebDriver driver) {
    return driver.findElement(By.id("draft-status")).getText().strip();
  }

  /** What the page's script keeps in the browser for the step shown, or null. */
  private static String keptInBrowser(WebDriver driver) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "for (var i = 0; i < localStorage.length; i++) {"
                    + "  var k = localStorage.key(i);"
                    + "  if (k.indexOf('rapport-draft:teach-back/reflect/') === 0) {"
                    + "    return localStorage.getItem(k); } }"
                    + "return null;");
  }

  private static void reloadFrame(WebDriver driver) {
    WebElement page = driver.findElement(By.tagName("html"));
    ((JavascriptExecutor) driver).executeScript("location.reload();");
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.id("entry")).isEmpty());
  }

  private static String heading(WebDriver driver) {
    return driver.findElement(By.tagName("h1")).getText();
  }

  private static void clickAndWait(WebDriver driver, By target) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(target).click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(page));
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.tagName("h1")).isEmpty());
  }

  private static String probe(ModuleWalker walker, Module module) {
    HttpResponse<String> answer = walker.get("/test/module-completions?module=" + module.id());
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.body();
  }

  private static void refused(HttpResponse<String> answer, int status, String sentence) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains(sentence), sentence + " in " + answer.body());
  }

  private static String card(String catalogue, String moduleId) {
    int start = catalogue.indexOf("data-module=\"" + moduleId + "\"");
    assertTrue(start >= 0, moduleId);
    return catalogue.substring(start, catalogue.indexOf("</li>", start));
  }

  private static String row(String page, String moduleId) {
    int start = page.indexOf("<tr data-module=\"" + moduleId + "\"");
    assertTrue(start >= 0, moduleId + " in " + page);
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private static String between(String text, String before, String after) {
    int start = text.indexOf(before);
    assertTrue(start >= 0, before + " in " + text);
    start += before.length();
    return text.substring(start, text.indexOf(after, start));
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
