package io.statedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The production default: with {@code statedesk.api.basic-auth} off, a password sent as Basic is
 * refused before any identity store (and its PBKDF2) is asked, with a Bearer challenge only.
 */
class ApiCredentialsTest {

  final List<String> storeCalls = new CopyOnWriteArrayList<>();
  final Map<String, String> headers = new HashMap<>();
  final StringWriter body = new StringWriter();
  int status;

  @Test
  void basicIsRefusedWhenTurnedOffAndNoStoreIsAsked() {
    ApiCredentials credentials = new ApiCredentials();
    credentials.basicAllowed = false;
    credentials.identityStores = proxy(IdentityStoreHandler.class, storeCalls);

    AuthenticationStatus result =
        credentials.authenticate(
            request(ConsoleAuthenticationTest.basic("alice:alice-demo")), response(), context());

    assertThat(result).isEqualTo(AuthenticationStatus.SEND_FAILURE);
    assertThat(status).isEqualTo(401);
    assertThat(headers.get("WWW-Authenticate")).startsWith("Bearer").doesNotContain("Basic");
    assertThat(body.toString()).contains("Basic").contains("personal API token");
    assertThat(storeCalls).as("identity store calls").isEmpty();
  }

  HttpServletRequest request(String authorization) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, m, a) ->
                switch (m.getName()) {
                  case "getHeader" ->
                      "Authorization".equalsIgnoreCase((String) a[0]) ? authorization : null;
                  case "getMethod" -> "POST";
                  case "getPathInfo" -> "/changes";
                  case "getServletPath" -> "/api";
                  case "getRequestURI" -> "/statedesk/api/changes";
                  case "getRemoteAddr" -> "127.0.0.1";
                  case "isSecure" -> false;
                  default -> null;
                });
  }

  HttpServletResponse response() {
    PrintWriter writer = new PrintWriter(body);
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (p, m, a) -> {
              switch (m.getName()) {
                case "setStatus" -> status = (Integer) a[0];
                case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                case "getWriter" -> {
                  return writer;
                }
                default -> {}
              }
              return m.getReturnType() == boolean.class ? false : null;
            });
  }

  HttpMessageContext context() {
    return proxy(HttpMessageContext.class, new CopyOnWriteArrayList<>());
  }

  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, List<String> calls) {
    return (T)
        Proxy.newProxyInstance(
            ApiCredentialsTest.class.getClassLoader(),
            new Class<?>[] {type},
            (p, m, a) -> {
              calls.add(m.getName());
              return null;
            });
  }
}
