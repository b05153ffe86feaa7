package org.rapport.lti.keys;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tool's public keys, for platforms verifying Rapport's signed messages and assertions. */
@PermitAll
@Path(".well-known/jwks.json")
@Tag(name = "LTI")
public class JwksResource {
  @Inject ToolKeys keys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rapport's public signing keys (JWKS) with kid, alg and use")
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(keys.publicJwks().toString(true)).cacheControl(cache).build();
  }
}
