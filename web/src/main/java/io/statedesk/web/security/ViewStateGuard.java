package io.statedesk.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A form post to a page without any Faces view state ends on the expired-page notice.
 *
 * <p>Why: Faces takes a POST without {@code jakarta.faces.ViewState} for a first visit, not a
 * postback, so it runs no action (the view state already defeats cross-site forgery) but silently
 * renders the page afresh, and the user cannot tell that nothing happened. A forged or broken form
 * gets the same answer as a foreign view state instead: "Page expired", by a redirect (a
 * partial-response redirect for AJAX, which PrimeFaces follows). Only form-encoded posts are
 * checked: reading a multipart body here would take it from the file upload, and Faces runs no
 * action for those either.
 */
@WebFilter(servletNames = "Faces Servlet", asyncSupported = true)
public class ViewStateGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ViewStateGuard.class.getName());

  static final String VIEW_STATE = "jakarta.faces.ViewState";
  static final String EXPIRED_PAGE = "/errors/expired.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!lacksViewState(request)) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info(
        "Form post to "
            + escaped(request.getServletPath())
            + " without a view state from "
            + request.getRemoteAddr()
            + ": answered with the expired page, no action run");
    String target = request.getContextPath() + EXPIRED_PAGE;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + target
                  + "\"/></partial-response>");
    } else {
      response.sendRedirect(target);
    }
  }

  /**
   * The path as a log line may show it: printable ASCII as is, everything else (CR, LF, other
   * control and non-ASCII characters, which a crafted URL can carry percent-encoded) as {@code
   * \\uXXXX}, so a request cannot forge or hide log lines; at most 200 characters.
   */
  static String escaped(String path) {
    StringBuilder out = new StringBuilder();
    String p = path == null ? "" : path;
    for (int i = 0; i < p.length() && out.length() < 200; i++) {
      char c = p.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  static boolean lacksViewState(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (!"POST".equals(request.getMethod())
        || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    if (request.getCharacterEncoding() == null) {
      // what Faces would choose; reading a parameter first fixes the encoding for the request
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    String state = request.getParameter(VIEW_STATE);
    return state == null || state.isBlank();
  }
}
