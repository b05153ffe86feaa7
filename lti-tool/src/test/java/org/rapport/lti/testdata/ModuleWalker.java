package org.rapport.lti.testdata;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.rapport.curriculum.modules.CheckStep;
import org.rapport.curriculum.modules.Choice;
import org.rapport.curriculum.modules.Module;
import org.rapport.curriculum.modules.PracticeStep;
import org.rapport.curriculum.modules.ReadingStep;
import org.rapport.curriculum.modules.ReflectionStep;
import org.rapport.curriculum.modules.ScenarioNode;
import org.rapport.curriculum.modules.ScenarioStep;
import org.rapport.curriculum.modules.Step;

/**
 * Works through module steps over HTTP as a launched student would, answering from the module's own
 * content: the first reply at every scenario node, the correct option of every question.
 */
public final class ModuleWalker {
  private final RapportClient rapport;
  private final String token;

  public ModuleWalker(RapportClient rapport, String token) {
    this.rapport = rapport;
    this.token = token;
  }

  public String token() {
    return token;
  }

  public HttpResponse<String> get(String path) {
    return rapport.get(path + (path.contains("?") ? "&" : "?") + "s=" + token);
  }

  public HttpResponse<String> post(String path, String form) {
    return rapport.postForm(path + "?s=" + token, form);
  }

  public static String stepPath(Module module, Step step) {
    return "/app/modules/" + module.id() + "/steps/" + step.id();
  }

  /** Does every step, in order. */
  public void complete(Module module) {
    for (Step step : module.steps()) {
      expect303(finish(module, step), module, step);
    }
  }

  /** Does one step; answers the response of the step's last form post. */
  public HttpResponse<String> finish(Module module, Step step) {
    String path = stepPath(module, step);
    if (step instanceof ReadingStep) {
      return post(path + "/read", "step=" + enc(step.id()));
    }
    if (step instanceof ScenarioStep scenario) {
      HttpResponse<String> last = null;
      ScenarioNode node = scenario.startNode();
      while (true) {
        last = post(path + "/reply", "node=" + enc(node.id()) + "&choice=0");
        Choice choice = node.choices().get(0);
        if (choice.endsScenario() || last.statusCode() != 303) {
          return last;
        }
        node = scenario.node(choice.next()).orElseThrow();
      }
    }
    if (step instanceof CheckStep check) {
      StringBuilder form = new StringBuilder();
      for (int q = 0; q < check.questions().size(); q++) {
        var options = check.questions().get(q).options();
        int correct = options.indexOf(check.questions().get(q).correctOption());
        form.append(q == 0 ? "" : "&").append("q").append(q + 1).append('=').append(correct);
      }
      return post(path + "/answers", form.toString());
    }
    if (step instanceof PracticeStep) {
      return post(path + "/practice", "response=" + enc("My practice answer.") + "&tick=0");
    }
    if (step instanceof ReflectionStep) {
      return reflect(module, step, "A reflection written by a test.");
    }
    throw new IllegalArgumentException("Unknown step kind " + step);
  }

  public HttpResponse<String> reflect(Module module, Step step, String text) {
    return post(stepPath(module, step) + "/reflection", "entry=" + enc(text));
  }

  private static void expect303(HttpResponse<String> answer, Module module, Step step) {
    if (answer.statusCode() != 303) {
      throw new AssertionError(
          "Step "
              + module.id()
              + "/"
              + step.id()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
  }

  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
