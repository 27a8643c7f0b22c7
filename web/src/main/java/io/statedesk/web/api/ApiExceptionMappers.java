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

  /** 400 with one entry per broken rule. */
  @Provider
  public static class InvalidCode
      implements ExceptionMapper<io.statedesk.core.catalog.InvalidStateCodeException> {
    @Override
    public Response toResponse(io.statedesk.core.catalog.InvalidStateCodeException e) {
      java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("status", 400);
      body.put("error", e.getMessage());
      body.put("field", e.errors().isEmpty() ? null : e.errors().get(0).field());
      body.put(
          "errors",
          e.errors().stream()
              .map(f -> java.util.Map.of("field", f.field(), "message", f.message()))
              .toList());
      return Response.status(Response.Status.BAD_REQUEST)
          .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
          .entity(body)
          .build();
    }
  }

  /** 404: no such state code. */
  @Provider
  public static class CodeNotFound
      implements ExceptionMapper<
          io.statedesk.core.catalog.CatalogExceptions.StateCodeNotFoundException> {
    @Override
    public Response toResponse(
        io.statedesk.core.catalog.CatalogExceptions.StateCodeNotFoundException e) {
      return ApiError.of(Response.Status.NOT_FOUND, e.getMessage(), null);
    }
  }

  /** 409: a stale version. */
  @Provider
  public static class StaleCode
      implements ExceptionMapper<
          io.statedesk.core.catalog.CatalogExceptions.StaleStateCodeException> {
    @Override
    public Response toResponse(
        io.statedesk.core.catalog.CatalogExceptions.StaleStateCodeException e) {
      return ApiError.of(Response.Status.CONFLICT, e.getMessage(), "version");
    }
  }

  /** 409: a used code cannot be deleted. */
  @Provider
  public static class CodeInUse
      implements ExceptionMapper<
          io.statedesk.core.catalog.CatalogExceptions.StateCodeInUseException> {
    @Override
    public Response toResponse(
        io.statedesk.core.catalog.CatalogExceptions.StateCodeInUseException e) {
      return ApiError.of(Response.Status.CONFLICT, e.getMessage(), null);
    }
  }

  /** 404: no such bulk change (or not one the caller may see). */
  @Provider
  public static class ChangeNotFound
      implements ExceptionMapper<io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException> {
    @Override
    public Response toResponse(io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException e) {
      return ApiError.of(Response.Status.NOT_FOUND, e.getMessage(), null);
    }
  }

  /** 400: a bulk change request breaks a rule (including a missing size confirmation). */
  @Provider
  public static class InvalidChange
      implements ExceptionMapper<io.statedesk.core.bulk.BulkExceptions.InvalidChangeException> {
    @Override
    public Response toResponse(io.statedesk.core.bulk.BulkExceptions.InvalidChangeException e) {
      return ApiError.of(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }
  }

  /** 400: an audit filter or cursor that cannot be used. */
  @Provider
  public static class InvalidAuditQuery
      implements ExceptionMapper<io.statedesk.core.trail.InvalidAuditQueryException> {
    @Override
    public Response toResponse(io.statedesk.core.trail.InvalidAuditQueryException e) {
      return ApiError.of(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }
  }

  /** 409: the change cannot do that now (cancel a finished change, undo a running one). */
  @Provider
  public static class ChangeState
      implements ExceptionMapper<io.statedesk.core.bulk.BulkExceptions.ChangeStateException> {
    @Override
    public Response toResponse(io.statedesk.core.bulk.BulkExceptions.ChangeStateException e) {
      return ApiError.of(Response.Status.CONFLICT, e.getMessage(), null);
    }
  }

  /** 409: an idempotency key reused with another body. */
  @Provider
  public static class IdempotencyConflict
      implements ExceptionMapper<
          io.statedesk.core.security.IdempotencyKeys.IdempotencyConflictException> {
    @Override
    public Response toResponse(
        io.statedesk.core.security.IdempotencyKeys.IdempotencyConflictException e) {
      return ApiError.of(Response.Status.CONFLICT, e.getMessage(), "Idempotency-Key");
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
              : e instanceof jakarta.ws.rs.NotSupportedException
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
