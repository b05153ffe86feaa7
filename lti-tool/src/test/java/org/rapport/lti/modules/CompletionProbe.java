package org.rapport.lti.modules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapport.curriculum.modules.ModuleCompleted;
import org.rapport.lti.launch.CurrentUser;
import org.rapport.lti.launch.LaunchedUser;
import org.rapport.lti.security.Roles;

/**
 * Test-only: added to the deployed WAR by {@link ModulePlayerIT}, it observes {@link
 * ModuleCompleted} after the transaction committed, as the grades feature would, and tells the
 * launched user how often their completion of a module was announced.
 */
@ApplicationScoped
@Path("test/module-completions")
@RolesAllowed(Roles.LAUNCHED_USER)
public class CompletionProbe {
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Map<String, String> last = new ConcurrentHashMap<>();

  void completed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ModuleCompleted event) {
    String key = event.learner().learnerId() + "/" + event.module();
    seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    last.put(key, event.toString());
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String count(
      @QueryParam("module") String module, @Context ContainerRequestContext request) {
    LaunchedUser user = CurrentUser.of(request);
    String key = user.learnerId() + "/" + module;
    AtomicInteger count = seen.get(key);
    return (count == null ? 0 : count.get()) + " " + last.getOrDefault(key, "");
  }
}
