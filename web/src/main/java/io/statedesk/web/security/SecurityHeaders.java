package io.statedesk.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the console (pages, resources, API).
 *
 * <p>The Content-Security-Policy allows scripts and styles from the console itself only, no
 * plugins, no framing, no foreign form targets, and no inline script or {@code eval}. Pages (what
 * the Faces servlet renders) get theirs from PrimeFaces' CSP mode ({@code primefaces.CSP} in
 * web.xml), which adds the per-response nonce that PrimeFaces' own inline widget scripts carry;
 * this filter sets the same policy, without a nonce, on everything else. Inline styles stay
 * allowed: PrimeFaces positions overlays with style attributes, and a style cannot run code.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CSP =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src"
          + " 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action"
          + " 'self'; frame-ancestors 'none'; script-src 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    apply(request, response);
    chain.doFilter(request, response);
  }

  /**
   * Sets the headers; also called by the authentication mechanism for the answers it writes itself
   * (401, 429), which run before any filter.
   */
  static void apply(HttpServletRequest request, HttpServletResponse response) {
    if (!isPage(request)) {
      response.setHeader("Content-Security-Policy", CSP);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }

  /** A page the Faces servlet renders (not one of its resources): PrimeFaces sets its policy. */
  static boolean isPage(HttpServletRequest request) {
    String path = request.getServletPath();
    return path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/");
  }
}
