package io.statedesk.web.api;

import io.statedesk.core.problem.ProblemDetail;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

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
public record ApiError(int status, String error, String field, List<Detail> errors) {

  /**
   * One broken rule, said in the request's language.
   *
   * @param field the field, or null
   * @param line the line of an imported file, or null
   * @param message what is wrong
   */
  @JsonbPropertyOrder({"field", "line", "message"})
  public record Detail(String field, Integer line, String message) {

    static Detail of(ProblemDetail d, Locale locale) {
      return new Detail(d.field(), d.line(), d.text().in(locale));
    }
  }

  /** The response for a core refusal: the status its kind stands for, in {@code locale}. */
  static Response of(ProblemException e, Locale locale) {
    return response(status(e.kind()), body(e, locale));
  }

  /** The body of the response for a core refusal, in {@code locale}. */
  static ApiError body(ProblemException e, Locale locale) {
    List<Detail> details = e.details().stream().map(d -> Detail.of(d, locale)).toList();
    return new ApiError(
        status(e.kind()).getStatusCode(),
        e.text().in(locale),
        e.field(),
        details.isEmpty() ? null : details);
  }

  static Response of(Response.Status status, String message, String field) {
    return response(status, new ApiError(status.getStatusCode(), message, field, null));
  }

  private static Response response(Response.Status status, ApiError body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
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
