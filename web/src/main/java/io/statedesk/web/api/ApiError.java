package io.statedesk.web.api;

import io.statedesk.core.problem.ProblemDetail;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The API's JSON error body: the HTTP status again, a sentence for a person, the field it is about
 * and, where a request breaks several rules, each of them ({@code errors}: field or line, message).
 * Null parts are left out (JSON-B's default).
 *
 * @param status the HTTP status
 * @param error what is wrong, for the person who sent the request
 * @param field the field, query parameter or header the error is about, or null
 * @param errors every broken rule of a form or a file, or null
 */
@JsonbPropertyOrder({"status", "error", "field", "errors"})
public record ApiError(int status, String error, String field, List<ProblemDetail> errors) {

  /** The response for a core refusal: the status its kind stands for. */
  static Response of(ProblemException e) {
    List<ProblemDetail> details = e.details();
    return of(status(e.kind()), e.getMessage(), e.field(), details.isEmpty() ? null : details);
  }

  static Response of(Response.Status status, String message, String field) {
    return of(status, message, field, null);
  }

  private static Response of(
      Response.Status status, String message, String field, List<ProblemDetail> errors) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status.getStatusCode(), message, field, errors))
        .build();
  }

  static Response.Status status(ProblemKind kind) {
    return switch (kind) {
      case INVALID -> Response.Status.BAD_REQUEST;
      case FORBIDDEN -> Response.Status.FORBIDDEN;
      case NOT_FOUND -> Response.Status.NOT_FOUND;
      case CONFLICT -> Response.Status.CONFLICT;
    };
  }
}
