package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.testkit.PayaraMicro;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A console started with broken settings refuses to start and says, in one log line, every setting
 * that is wrong and what it should be; it serves no page meanwhile.
 */
class BrokenSettingsIT {

  @Test
  void aBrokenConfigurationFailsFastWithOneClearLine() throws Exception {
    Path garbage = Files.createTempFile("not-a-truststore", ".p12");
    Files.writeString(garbage, "this is not a keystore");
    try (PayaraMicro server =
        PayaraMicro.builder()
            .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
            .systemProperty("statedesk.gateway.url", "ftp://gateway.example/agentgateway")
            .systemProperty("statedesk.bulk.concurrency", "0")
            .systemProperty("statedesk.security.password.iterations", "1000")
            .systemProperty("statedesk.gateway.tls.truststore", garbage.toString())
            // LDAP half configured, and a sealed password without any key to open it
            .systemProperty("statedesk.security.ldap.url", "http://ldap.example.com")
            .systemProperty("statedesk.security.ldap.user-base-dn", "ou=people,dc=example,dc=com")
            .systemProperty("statedesk.security.ldap.bind-dn", "cn=statedesk,dc=example,dc=com")
            .systemProperty(
                "statedesk.security.ldap.bind-password", "ENC(c2VjcmV0LXNlYWxlZC12YWx1ZQ)")
            .maxHeap("512m")
            .start()) {
      Awaitility.await("the server to be up (and the console refused)")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> server.log().contains(" ready in "));
      String line =
          server
              .log()
              .lines()
              .filter(l -> l.contains("StateDesk cannot start, fix the configuration:"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no refusal line in\n" + server.log()));
      assertThat(line)
          .contains("statedesk.gateway.url must be an http(s) URL")
          .contains("'ftp://gateway.example/agentgateway'")
          .contains("statedesk.bulk.concurrency")
          .contains("statedesk.security.password.iterations must be at least 10000, not 1000")
          .contains("statedesk.gateway.tls.truststore '" + garbage + "' cannot be opened as")
          .contains("statedesk.security.ldap.url must be ldap://host:port or ldaps://host:port")
          .contains("statedesk.security.ldap.group-base-dn must be a distinguished name")
          .contains("no LDAP user could ever sign in")
          .contains(
              "statedesk.security.ldap.bind-password is sealed (ENC(...)) but"
                  + " statedesk.security.key-file is not set")
          .doesNotContain("c2VjcmV0LXNlYWxlZC12YWx1ZQ");
      HttpResponse<String> login =
          Http.client()
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + "/statedesk/login.xhtml"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(404);
    } finally {
      Files.deleteIfExists(garbage);
    }
  }
}
