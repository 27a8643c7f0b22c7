package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** {@code /api/metrics}: gateway calls and bulk changes in Prometheus text, for admins only. */
class MetricsIT {

  static final String ADMIN = basic("admin", "admin-demo");
  static final String ALICE = basic("alice", "alice-demo");

  static double value(String scrape, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void aBulkChangeShowsInTheGatewayAndBulkMetrics() throws Exception {
    ApiCalls.syncDirectory();
    String before = send("GET", "/metrics", null, "Authorization", ADMIN).body();
    String setCalls =
        "statedesk_gateway_calls_seconds_count{operation=\"setCustomState\",result=\"success\"}";
    String succeeded = "statedesk_bulk_agents_total{outcome=\"succeeded\"}";

    HttpResponse<String> made =
        send("POST", "/changes", "{\"agents\":[10013,10019],\"code\":102}", "Authorization", ALICE);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = JsonFields.number(made.body(), "id");
    Awaitility.await("the change to complete")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                send("GET", "/changes/" + id, null, "Authorization", ALICE)
                    .body()
                    .contains("\"status\":\"COMPLETED\""));

    HttpResponse<String> after = send("GET", "/metrics", null, "Authorization", ADMIN);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String scrape = after.body();
    assertThat(value(scrape, setCalls) - value(before, setCalls)).isGreaterThanOrEqualTo(2);
    assertThat(value(scrape, succeeded) - value(before, succeeded)).isEqualTo(2);
    assertThat(scrape)
        .contains("statedesk_gateway_calls_seconds_bucket{operation=\"setCustomState\"")
        .contains("statedesk_gateway_calls_seconds_sum{operation=\"setCustomState\"")
        .containsPattern("(?m)^statedesk_bulk_changes_running [0-9.]+$")
        .containsPattern("(?m)^statedesk_bulk_agents_per_second [0-9.]+$")
        // metrics never carry a Guid, a password or an agent's name
        .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void onlyAdminsReadTheMetrics() {
    assertThat(send("GET", "/metrics", null, "Authorization", ALICE).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/metrics", null).statusCode()).isEqualTo(401);
  }
}
