package io.statedesk.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the API's JSON error bodies. */
final class ApiError {

  private ApiError() {}

  static Response of(Response.Status status, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.getStatusCode());
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
