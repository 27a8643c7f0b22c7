package io.statedesk.web.security;

import io.statedesk.core.account.ApiToken;
import io.statedesk.core.account.ApiTokens;
import io.statedesk.core.account.LoginThrottle;
import io.statedesk.core.account.SecurityStamps;
import io.statedesk.core.account.VerifiedPasswords;
import io.statedesk.core.security.Role;
import io.statedesk.core.security.TrustedProxies;
import io.statedesk.core.session.RelayClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates REST API requests from their {@code Authorization} header alone; a session cookie
 * is never enough (so a cross-site page cannot use a signed-in browser's session).
 *
 * <ul>
 *   <li>{@code Bearer sdt_...}: a personal API token ({@link ApiTokens}); a read-only token may
 *       only GET. {@code Bearer sdr_...}: a relay client's token (role RELAY).
 *   <li>{@code Basic}: a console user's name and password, only where an admin turned it on ({@code
 *       statedesk.api.basic-auth=true}); a verified pair is remembered for a minute ({@link
 *       VerifiedPasswords}) so that scripts do not pay a PBKDF2 per request.
 *   <li>The OpenAPI document ({@code GET /api/openapi.json|yaml}) and CORS preflights need none.
 * </ul>
 *
 * <p>A refusal is 401 with a JSON body and {@code WWW-Authenticate: Bearer}, never {@code Basic}: a
 * Basic challenge makes a browser prompt, keep the password and send it on later requests,
 * including cross-site form posts (SameSite does not cover HTTP authentication).
 */
@ApplicationScoped
public class ApiCredentials {

  public static final String BASIC_AUTH = "statedesk.api.basic-auth";

  @Inject IdentityStoreHandler identityStores;
  @Inject RelayClients relayClients;
  @Inject ApiTokens tokens;
  @Inject SecurityStamps stamps;
  @Inject VerifiedPasswords verified;
  @Inject LoginThrottle throttle;
  @Inject TrustedProxies proxies;

  @Inject
  @ConfigProperty(name = BASIC_AUTH, defaultValue = "false")
  boolean basicAllowed;

  AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null && isPublic(request)) {
      return context.doNothing();
    }
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return bearer(header.substring(7).trim(), request, response, context);
    }
    UsernamePasswordCredential basic = ConsoleAuthentication.basic(header);
    if (basic != null && !basicAllowed) {
      return refuse(
          request,
          response,
          401,
          "Password (Basic) authentication is turned off for the API: create a personal API token"
              + " (My API tokens) and send Authorization: Bearer <token>.");
    }
    if (basic != null) {
      return basic(basic, request, response, context);
    }
    return refuse(
        request,
        response,
        401,
        "Authentication required: send Authorization: Bearer <personal API token>.");
  }

  private AuthenticationStatus bearer(
      String token,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    if (token.startsWith("sdr_")) {
      Optional<String> client = relayClients.authenticate(token);
      if (client.isPresent()) {
        return context.notifyContainerAboutLogin("relay:" + client.get(), Set.of("RELAY"));
      }
      return refuse(request, response, 401, "The relay token is unknown or revoked.");
    }
    Optional<ApiTokens.TokenCaller> caller = tokens.authenticate(token);
    Optional<SecurityStamps.Current> account =
        caller.flatMap(c -> stamps.current(c.username())).filter(SecurityStamps.Current::usable);
    if (caller.isEmpty() || account.isEmpty()) {
      return refuse(
          request,
          response,
          401,
          "The API token is unknown, expired or revoked, or its user may no longer sign in.");
    }
    if (caller.get().scope() == ApiToken.Scope.READ && !isSafe(request.getMethod())) {
      return refuse(request, response, 403, "This API token is read-only: it may only GET.");
    }
    Set<String> groups =
        account.get().roles().stream()
            .filter(r -> r != Role.RELAY)
            .map(Role::name)
            .collect(Collectors.toSet());
    return context.notifyContainerAboutLogin(caller.get().username(), groups);
  }

  private AuthenticationStatus basic(
      UsernamePasswordCredential basic,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    char[] password = basic.getPassword().getValue();
    Optional<VerifiedPasswords.Verified> known = verified.lookup(basic.getCaller(), password);
    if (known.isPresent()) {
      return context.notifyContainerAboutLogin(known.get().username(), known.get().groups());
    }
    String address = ConsoleAuthentication.clientAddress(proxies, request);
    Optional<Duration> wait = throttle.refusal(basic.getCaller(), address);
    if (wait.isPresent()) {
      return throttled(request, response, wait.get());
    }
    CredentialValidationResult result = identityStores.validate(basic);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      throttle.succeeded(basic.getCaller(), address, false);
      verified.remember(
          result.getCallerPrincipal().getName(), password, Set.copyOf(result.getCallerGroups()));
      return context.notifyContainerAboutLogin(result);
    }
    throttle.failed(basic.getCaller(), address);
    return refuse(request, response, 401, "Wrong user name or password.");
  }

  /** GET of the OpenAPI document, and CORS preflights: nothing secret, nothing changed. */
  static boolean isPublic(HttpServletRequest request) {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    return "OPTIONS".equals(request.getMethod())
        || ("GET".equals(request.getMethod())
            && (path.equals("/openapi.json") || path.equals("/openapi.yaml")));
  }

  static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  /** 429 with Retry-After: too many failed sign-ins for this user or address. */
  static AuthenticationStatus throttled(
      HttpServletRequest request, HttpServletResponse response, Duration wait) {
    response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
    return refuse(
        request,
        response,
        429,
        "Too many failed sign-ins: try again in " + Math.max(1, wait.toSeconds()) + " s.");
  }

  /**
   * Writes a JSON refusal. 401 challenges with {@code Bearer} only: browsers never prompt for it,
   * so they never keep a console password to send on a cross-site request.
   */
  static AuthenticationStatus refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String message) {
    SecurityHeaders.apply(request, response);
    try {
      response.setStatus(status);
      if (status == 401) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"StateDesk API\"");
      }
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write("{\"status\":" + status + ",\"error\":\"" + message.replace("\"", "'") + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
