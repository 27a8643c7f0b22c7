package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.ConsoleServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** Security headers on pages and the API; the API throttles password guessing too. */
class SecurityHeadersIT {

  static void assertHardened(HttpResponse<String> r) {
    // exactly one policy, and no inline script or eval allowed by it
    assertThat(r.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .asString()
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-eval")
        .doesNotContainPattern("script-src[^;]*'unsafe-inline'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void pagesAndTheApiCarryTheSecurityHeadersAndTheSessionCookieIsLockedDown() throws Exception {
    HttpResponse<String> page =
        Api.HTTP.send(
            HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertHardened(page);
    // the page's inline scripts run by the nonce of its policy, and every one carries it
    String nonce =
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .replaceAll("(?s).*'nonce-([^']+)'.*", "$1");
    assertThat(nonce).isNotBlank().doesNotContain("script-src");
    List<String> scripts =
        Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
            .matcher(page.body())
            .results()
            .map(MatchResult::group)
            .toList();
    assertThat(scripts).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains(nonce));
    assertThat(page.body()).doesNotContainPattern("<[a-z]+[^>]*\\son(click|change|load|submit)=");
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertHardened(send("GET", "/catalog", null, "Authorization", basic("alice", "alice-demo")));
    assertHardened(send("GET", "/catalog", null));
  }

  @Test
  void overHttpsTheSessionCookieIsSecureAndBrowsersAreToldToStayOnHttps() throws Exception {
    // Payara Micro's own self-signed certificate: trusted for this request only
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] c, String a) {}

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    HttpsURLConnection https =
        (HttpsURLConnection)
            URI.create(ConsoleServer.get().sslBaseUrl() + "/statedesk/login.xhtml")
                .toURL()
                .openConnection();
    https.setSSLSocketFactory(tls.getSocketFactory());
    https.setHostnameVerifier((host, session) -> true);
    assertThat(https.getResponseCode()).isEqualTo(200);
    assertThat(https.getHeaderField("Strict-Transport-Security")).startsWith("max-age=");
    String cookie =
        https.getHeaderFields().getOrDefault("Set-Cookie", List.of()).stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + https.getHeaderFields()));
    assertThat(cookie.toLowerCase(Locale.ROOT))
        .contains("secure")
        .contains("httponly")
        .contains("samesite=strict");
    https.disconnect();
    // over plain HTTP the cookie is not Secure (it could not come back) and there is no HSTS
    HttpResponse<String> plain =
        Api.HTTP.send(
            HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void theApiRefusesAGuessedPasswordAfterFiveFailures() {
    String user = "guesser" + System.nanoTime() % 1_000_000;
    for (int i = 0; i < 5; i++) {
      assertThat(
              send("GET", "/catalog", null, "Authorization", basic(user, "try-" + i)).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> refused =
        send("GET", "/catalog", null, "Authorization", basic(user, "try-6"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("Too many failed sign-ins");
  }
}
