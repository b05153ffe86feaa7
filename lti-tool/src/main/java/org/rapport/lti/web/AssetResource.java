package org.rapport.lti.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Serves the stylesheet and scripts the pages use, from {@code assets/} on the classpath. */
@PermitAll
@Path("assets/{name: [a-z0-9.-]+}")
public class AssetResource {
  private static final Map<String, String> TYPES =
      Map.of(
          "css",
          "text/css; charset=utf-8",
          "js",
          "text/javascript; charset=utf-8",
          "svg",
          "image/svg+xml");

  @GET
  @Operation(hidden = true)
  public Response asset(@PathParam("name") String name) throws IOException {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    InputStream in = AssetResource.class.getClassLoader().getResourceAsStream("assets/" + name);
    if (type == null || in == null) {
      throw new NotFoundException("There is no asset called " + name + ".");
    }
    try (in) {
      CacheControl cache = new CacheControl();
      cache.setMaxAge(3600);
      return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
    }
  }
}
