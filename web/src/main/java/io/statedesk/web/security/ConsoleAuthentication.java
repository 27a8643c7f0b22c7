package io.statedesk.web.security;

import io.statedesk.core.account.LoginThrottle;
import io.statedesk.core.account.SecurityStamps;
import io.statedesk.core.security.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The console's one authentication mechanism: a form login for pages and header credentials for the
 * REST API.
 *
 * <p>One custom mechanism instead of the built-in form mechanism because Jakarta Security 3 allows
 * only one mechanism per application, and the API must never accept the session cookie (a
 * cross-site page could otherwise make a signed-in browser call state-changing endpoints):
 *
 * <ul>
 *   <li>Pages: {@code SecurityContext.authenticate} from the login page validates the credential
 *       against the identity stores, changes the session id, and keeps the caller and the account's
 *       security stamp in the HTTP session; every later request checks that stamp ({@link
 *       SecurityStamps}), so disabling a user, changing their roles or resetting their password
 *       ends their open sessions at their next request. An anonymous request for a protected page
 *       is redirected to the login page and, after sign-in, back to that page.
 *   <li>{@code /api/*}: every request carries {@code Authorization: Bearer} (a personal API token
 *       or a relay token) or, where an admin allows it, {@code Basic} ({@link ApiCredentials}); the
 *       session is ignored. {@code /api/*} has no web.xml constraint, so this mechanism is the
 *       gate.
 * </ul>
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(ConsoleAuthentication.class.getName());

  static final String SESSION_CALLER = "io.statedesk.caller";
  static final String SESSION_TARGET = "io.statedesk.loginTarget";
  static final String LOGIN_PAGE = "/login.xhtml";

  @Inject IdentityStoreHandler identityStores;
  @Inject ApiCredentials apiCredentials;
  @Inject LoginThrottle throttle;
  @Inject SecurityStamps stamps;
  @Inject TrustedProxies proxies;

  /** Request attribute: the sign-in was refused unchecked; the value is the wait in seconds. */
  public static final String THROTTLED = "io.statedesk.loginThrottled";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isApi(request)) {
      return apiCredentials.authenticate(request, response, context);
    }
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_CALLER) instanceof AuthenticatedCaller c) {
      if (stamps.valid(c.name(), c.stamp())) {
        return context.notifyContainerAboutLogin(c.name(), c.groups());
      }
      LOG.info(
          () ->
              "Session of '"
                  + c.name()
                  + "' ended: the account was disabled or its roles or password changed");
      session.invalidate();
      if (context.isProtected()) {
        return toLoginPage(request, response, context);
      }
      return context.doNothing();
    }
    if (context.isProtected()) {
      return toLoginPage(request, response, context);
    }
    return context.doNothing();
  }

  /**
   * Sends the browser to the login page: a redirect, or for a Faces AJAX request (a click on a
   * button of an open page) the partial-response redirect that PrimeFaces follows, since an AJAX
   * request would follow a plain 302 itself and drop the login page's HTML.
   */
  private static AuthenticationStatus toLoginPage(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String login = request.getContextPath() + LOGIN_PAGE;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      try {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login
                    + "\"/></partial-response>");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    if ("GET".equals(request.getMethod())) {
      request.getSession(true).setAttribute(SESSION_TARGET, targetOf(request));
    }
    return context.redirect(login);
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    String user =
        credential instanceof UsernamePasswordCredential u ? u.getCaller() : "(other credential)";
    String address = clientAddress(request);
    Optional<Duration> wait = throttle.refusal(user, address);
    if (wait.isPresent()) {
      request.setAttribute(THROTTLED, wait.get().toSeconds());
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(user, address);
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.succeeded(user, address, true);
    String name = result.getCallerPrincipal().getName();
    long stamp = stamps.current(name).map(SecurityStamps.Current::stamp).orElse(-1L);
    HttpSession session = request.getSession(true);
    request.changeSessionId();
    session.setAttribute(
        SESSION_CALLER, new AuthenticatedCaller(name, result.getCallerGroups(), stamp));
    return context.notifyContainerAboutLogin(result);
  }

  /** The client's address: the peer, or from X-Forwarded-For when the peer is a trusted proxy. */
  String clientAddress(HttpServletRequest request) {
    return clientAddress(proxies, request);
  }

  static String clientAddress(TrustedProxies proxies, HttpServletRequest request) {
    return proxies.client(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_CALLER);
    }
  }

  /**
   * The page to return to after sign-in (set when an anonymous GET hit a protected page), or the
   * caller's home: the agent picker for supervisors, the overview for admins. Only paths inside
   * this application are ever returned.
   */
  public static String takeTarget(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object target = session == null ? null : session.getAttribute(SESSION_TARGET);
    if (session != null) {
      session.removeAttribute(SESSION_TARGET);
    }
    String home =
        request.isUserInRole("SUPERVISOR") && !request.isUserInRole("ADMIN")
            ? "/agents.xhtml"
            : "/";
    String path =
        target instanceof String s && s.startsWith("/") && !s.startsWith("//") && !s.equals("/")
            ? s
            : home;
    return request.getContextPath() + path;
  }

  static boolean isApi(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static String targetOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.isEmpty() || path.contains("\r") || path.contains("\n")) {
      path = "/";
    }
    String query = request.getQueryString();
    return query == null ? path : path + "?" + query;
  }

  /** Decodes {@code Authorization: Basic}; {@code null} if absent or malformed. */
  static UsernamePasswordCredential basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0
          ? null
          : new UsernamePasswordCredential(
              decoded.substring(0, colon), decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
