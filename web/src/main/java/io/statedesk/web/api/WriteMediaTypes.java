package io.statedesk.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Every write ({@code POST}, {@code PUT}, {@code DELETE}) must say it sends one of the media types
 * its resource method {@link Consumes declares} ({@code application/json}; {@code text/csv} for
 * imports), or it gets 415, also when it sends no body (a {@code POST} with no {@code Content-Type}
 * at all is refused too; a {@code DELETE} may leave it out).
 *
 * <p>Why: an HTML form on any site can post {@code text/plain}, {@code multipart/form-data} and
 * {@code application/x-www-form-urlencoded}, and a script's no-cors {@code fetch} can post with no
 * type at all, all without a CORS preflight. A JSON-only API refuses those before any work, as
 * defence in depth next to the header-only authentication ({@code ApiCredentials}).
 */
@Provider
public class WriteMediaTypes implements ContainerRequestFilter {

  static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!WRITES.contains(request.getMethod()) || resource.getResourceMethod() == null) {
      return;
    }
    List<MediaType> accepted = declared(resource.getResourceMethod());
    MediaType sent = request.getMediaType();
    if (sent == null && "DELETE".equals(request.getMethod()) && !request.hasEntity()) {
      return;
    }
    if (sent == null || accepted.stream().noneMatch(a -> a.isCompatible(sent))) {
      request.abortWith(
          ApiError.of(
              Response.Status.UNSUPPORTED_MEDIA_TYPE,
              "Send the body as "
                  + String.join(" or ", accepted.stream().map(MediaType::toString).toList())
                  + " (Content-Type header)"
                  + (sent == null ? "" : ", not " + sent.getType() + "/" + sent.getSubtype()),
              "Content-Type"));
    }
  }

  /** The media types a resource method accepts: its own {@link Consumes}, else its class's. */
  static List<MediaType> declared(Method method) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
    }
    if (consumes == null) {
      return List.of(MediaType.APPLICATION_JSON_TYPE);
    }
    return Arrays.stream(consumes.value())
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .map(MediaType::valueOf)
        .toList();
  }
}
