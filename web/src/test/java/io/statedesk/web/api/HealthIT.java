package io.statedesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.ConsoleServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** MicroProfile readiness reports the database and the gateway. */
class HealthIT {

  @Test
  void readinessReportsTheDatabaseAndTheGateway() throws Exception {
    HttpResponse<String> ready =
        Api.HTTP.send(
            HttpRequest.newBuilder(URI.create(ConsoleServer.get().baseUrl() + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body().replace(" ", ""))
        .contains("\"name\":\"statedesk\"")
        .contains("\"database\":\"UP\"")
        .contains("\"gateway\":\"UP\"")
        .contains("\"bulkBreaker\":\"CLOSED\"");
  }
}
