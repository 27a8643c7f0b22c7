package io.statedesk.web.security;

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
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates REST API requests from their {@code Authorization} header alone: {@code Basic} for
 * console users (scripts of admins and supervisors). A request without valid credentials gets 401
 * with a {@code WWW-Authenticate} challenge and a JSON body; a session cookie is never enough.
 */
@ApplicationScoped
public class ApiCredentials {

  @Inject IdentityStoreHandler identityStores;
  @Inject RelayClients relayClients;
  @Inject io.statedesk.core.account.LoginThrottle throttle;

  AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<String> client = relayClients.authenticate(header.substring(7).trim());
      if (client.isPresent()) {
        return context.notifyContainerAboutLogin("relay:" + client.get(), Set.of("RELAY"));
      }
      SecurityHeaders.apply(request, response);
      return unauthorized(response, context);
    }
    UsernamePasswordCredential basic = ConsoleAuthentication.basic(header);
    if (basic != null) {
      String address = request.getRemoteAddr();
      Optional<java.time.Duration> wait = throttle.refusal(basic.getCaller(), address);
      if (wait.isPresent()) {
        SecurityHeaders.apply(request, response);
        return throttled(response, wait.get());
      }
      CredentialValidationResult result = identityStores.validate(basic);
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        throttle.succeeded(basic.getCaller(), address, false);
        return context.notifyContainerAboutLogin(result);
      }
      throttle.failed(basic.getCaller(), address);
    }
    SecurityHeaders.apply(request, response);
    return unauthorized(response, context);
  }

  /** 429 with Retry-After: too many failed sign-ins for this user or address. */
  static AuthenticationStatus throttled(HttpServletResponse response, java.time.Duration wait) {
    try {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"status\":429,\"error\":\"Too many failed sign-ins: try again in "
                  + Math.max(1, wait.toSeconds())
                  + " s.\"}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader(
          "WWW-Authenticate", "Basic realm=\"StateDesk API\", Bearer realm=\"StateDesk relay\"");
      response.setContentType("application/json;charset=UTF-8");
      response
          .getWriter()
          .write(
              "{\"status\":401,\"error\":\"Authentication required: send Authorization: Basic (console user) or Bearer (relay token).\"}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
