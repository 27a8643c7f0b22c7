package io.statedesk.web.view.errors;

import io.statedesk.core.security.AccessDeniedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an error page knows about the failure: an error id, the HTTP status and the requested path.
 *
 * <p>The id is written to the log together with the exception (stack trace in the log only, never
 * in the page), so that a user can quote it and an operator can find the cause.
 */
@Named("error")
@RequestScoped
public class ErrorBacking {

  private static final Logger LOG = Logger.getLogger(ErrorBacking.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject ExternalContext external;

  private String id;
  private int status;
  private String path;

  @PostConstruct
  void describe() {
    Map<String, Object> request = external.getRequestMap();
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    id = HexFormat.of().formatHex(bytes);
    Object code = request.get(RequestDispatcher.ERROR_STATUS_CODE);
    status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    Object uri = request.get(RequestDispatcher.ERROR_REQUEST_URI);
    path = uri == null ? "" : sanitize(uri.toString());
    Throwable exception = (Throwable) request.get(RequestDispatcher.ERROR_EXCEPTION);
    if (rootCause(exception) instanceof AccessDeniedException denied) {
      status = HttpServletResponse.SC_FORBIDDEN;
      external.setResponseStatus(status);
      LOG.warning(
          () ->
              "Error id "
                  + id
                  + ": access denied on "
                  + path
                  + ": "
                  + sanitize(denied.getMessage()));
    } else if (exception != null) {
      LOG.log(Level.SEVERE, "Error id " + id + ": HTTP " + status + " on " + path, exception);
    } else {
      LOG.info(() -> "Error id " + id + ": HTTP " + status + " on " + path);
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof AccessDeniedException) {
        return cause;
      }
      cause = cause.getCause();
    }
    return cause;
  }

  /** Keeps CR/LF out of log lines so that a crafted URL cannot forge entries. */
  static String sanitize(String text) {
    return text == null ? "" : text.replaceAll("[\\r\\n\\t]", "_");
  }

  public String getId() {
    return id;
  }

  public int getStatus() {
    return status;
  }

  public String getPath() {
    return path;
  }
}
