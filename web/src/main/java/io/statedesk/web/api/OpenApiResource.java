package io.statedesk.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the API's OpenAPI document, generated from the resource classes at build time (so it is
 * the same on every server, unlike each server's own MicroProfile OpenAPI scan). Public: it holds
 * nothing about an installation, and the API page's Swagger UI loads it without a token.
 */
@Path("")
public class OpenApiResource {

  @GET
  @Path("openapi.json")
  @Produces("application/json")
  @Operation(hidden = true)
  public Response json() {
    return document("openapi.json", "application/json");
  }

  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  @Operation(hidden = true)
  public Response yaml() {
    return document("openapi.yaml", "application/yaml");
  }

  private static Response document(String name, String type) {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new NotFoundException("The OpenAPI document was not built into this WAR");
      }
      CacheControl cache = new CacheControl();
      cache.setMaxAge(300);
      return Response.ok(in.readAllBytes(), type + ";charset=UTF-8").cacheControl(cache).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
