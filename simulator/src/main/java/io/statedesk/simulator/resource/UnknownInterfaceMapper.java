package io.statedesk.simulator.resource;

import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.http.Incoming;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Unknown paths and wrong methods under {@code /resource}: the gateway answers HTTP 200 with {@code
 * 000-002} (each interface "supports only" its method, section 1.1); the control API keeps ordinary
 * HTTP statuses.
 */
@Provider
public class UnknownInterfaceMapper implements ExceptionMapper<WebApplicationException> {

  @Inject Simulator simulator;
  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (uri.getPath().startsWith("resource/") || uri.getPath().startsWith("/resource/")) {
      return simulator.responder().unknown(Incoming.of(request));
    }
    return exception.getResponse();
  }
}
