package io.statedesk.web.api;

import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.session.InvalidRelayRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns the core's typed failures into the API's JSON errors; never a stack trace. */
public final class ApiExceptionMappers {

  private ApiExceptionMappers() {}

  /** 403: the caller's role may not do this. */
  @Provider
  public static class AccessDenied implements ExceptionMapper<AccessDeniedException> {
    @Override
    public Response toResponse(AccessDeniedException e) {
      return ApiError.of(Response.Status.FORBIDDEN, e.getMessage(), null);
    }
  }

  /** 400: a relay request breaks a rule. */
  @Provider
  public static class InvalidRelay implements ExceptionMapper<InvalidRelayRequestException> {
    @Override
    public Response toResponse(InvalidRelayRequestException e) {
      return ApiError.of(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
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
