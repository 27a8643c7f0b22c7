package io.statedesk.web.api;

import io.statedesk.core.problem.ProblemException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns failures into the API's JSON errors, never a stack trace: the core's refusals by their kind
 * (one mapper), JAX-RS's own errors, and anything unexpected as a 500 with an error id.
 */
public final class ApiExceptionMappers {

  private ApiExceptionMappers() {}

  /**
   * Every refusal of a core service, by its kind: 400 (with each broken rule), 403, 404 or 409. New
   * typed failures need no new mapper (see {@link ProblemException}).
   */
  @Provider
  public static class Problems implements ExceptionMapper<ProblemException> {
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException e) {
      return ApiError.of(e, ApiLanguage.of(headers)); // Accept-Language
    }
  }

  /** JAX-RS's own errors (404 unknown path, 405, 415) as JSON. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
      String message =
          e instanceof NotFoundException
              ? "No such API resource"
              : e instanceof NotSupportedException
                  ? "Unsupported Media Type: send the body as application/json (text/csv for"
                      + " imports), with that Content-Type header"
                  : status == null ? "Request failed" : status.getReasonPhrase();
      return ApiError.of(status == null ? Response.Status.BAD_REQUEST : status, message, null);
    }
  }

  /** 500 with an error id that is also in the log. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Response toResponse(RuntimeException e) {
      byte[] id = new byte[5];
      RANDOM.nextBytes(id);
      String errorId = HexFormat.of().formatHex(id);
      LOG.log(Level.SEVERE, "Error id " + errorId + ": API request failed", e);
      return ApiError.of(
          Response.Status.INTERNAL_SERVER_ERROR, "Internal error, error id " + errorId, null);
    }
  }
}
