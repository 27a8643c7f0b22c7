package io.statedesk.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cross-origin access to the API: closed unless an admin lists the web origins that may call it in
 * {@code statedesk.http.cors.allowed-origins} (e.g. {@code https://wallboard.example.com}).
 *
 * <p>Closed means no {@code Access-Control-Allow-*} header at all, so a browser keeps a foreign
 * page from reading any answer and refuses every preflighted request (JSON bodies, PUT, DELETE, an
 * Authorization header). A listed origin gets the methods and headers the API uses, never {@code
 * Allow-Credentials}: the API authenticates by a token the calling page sends itself, not by
 * anything the browser adds on its own.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CorsPolicy extends HttpFilter {

  private static final long serialVersionUID = 1L;

  public static final String ALLOWED_ORIGINS = "statedesk.http.cors.allowed-origins";

  private List<String> allowedOrigins = List.of();
  private int maxAge = 600;

  /**
   * Reads the settings from MicroProfile Config here rather than by field injection: a servlet
   * filter is created by the container, and Payara cannot inject a generic type into one.
   */
  @Override
  public void init() {
    Config config = ConfigProvider.getConfig();
    allowedOrigins =
        config.getOptionalValue(ALLOWED_ORIGINS, String.class).stream()
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .filter(o -> !o.isEmpty() && !o.equals("*"))
            .toList();
    maxAge =
        config.getOptionalValue("statedesk.http.cors.max-age-seconds", Integer.class).orElse(600);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (origin == null) {
      chain.doFilter(request, response);
      return;
    }
    boolean allowed = allowed(origin);
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
    }
    response.addHeader("Vary", "Origin");
    if (!preflight) {
      chain.doFilter(request, response);
      return;
    }
    if (allowed) {
      response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE");
      response.setHeader(
          "Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
      response.setHeader("Access-Control-Max-Age", Integer.toString(maxAge));
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  boolean allowed(String origin) {
    return allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
  }
}
