package io.statedesk.web.api;

import static io.statedesk.web.api.Api.send;
import static io.statedesk.web.api.SessionRelayIT.ADMIN;
import static io.statedesk.web.api.SessionRelayIT.agentsOf;
import static io.statedesk.web.api.SessionRelayIT.clientId;
import static io.statedesk.web.api.SessionRelayIT.guid;
import static io.statedesk.web.api.SessionRelayIT.push;
import static io.statedesk.web.api.SessionRelayIT.total;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.ConsoleServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Relayed sessions once pushed: a client scoped to a team gets 403 outside it, revoking a client
 * ends its sessions, the picker shows a relayed session gone stale, and 10,000 pushes write no log
 * line per push and a bounded number of database rows.
 */
class RelayedSessionsIT {

  @Test
  void aClientScopedToBillingGets403ForSalesAndForHostedAgents() {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    String name = "billing-" + System.nanoTime() % 100000;
    String token = Api.newRelayToken(name);
    HttpResponse<String> scoped =
        send(
            "PUT",
            "/relay-clients/" + clientId(name) + "/scope",
            "{\"teams\":[\"Billing\"]}",
            "Authorization",
            ADMIN);
    assertThat(scoped.statusCode()).isEqualTo(200);
    assertThat(scoped.body()).contains("\"teams\":[\"Billing\"]");
    int billing = agentsOf("Billing").get(0);
    int sales = agentsOf("Sales").get(0);
    assertThat(push(token, billing, guid(1)).statusCode()).isEqualTo(200);
    HttpResponse<String> outside = push(token, sales, guid(2));
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(outside.body()).contains("may not relay for agent " + sales);
    HttpResponse<String> hosted = push(token, 10001, guid(3));
    assertThat(hosted.statusCode()).isEqualTo(403);
    assertThat(hosted.body()).contains("hosted by this console");
    // an unscoped client is refused a hosted agent too
    assertThat(
            push(Api.newRelayToken("any-" + System.nanoTime() % 100000), 10002, guid(4))
                .statusCode())
        .isEqualTo(403);
    send("DELETE", "/sessions/" + billing, null, "Authorization", "Bearer " + token);
  }

  @Test
  void revokingAClientEndsItsSessions() {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    String name = "revoke-ends-" + System.nanoTime() % 100000;
    String token = Api.newRelayToken(name);
    List<Integer> agents = agentsOf("Retention").subList(0, 2);
    for (int id : agents) {
      assertThat(push(token, id, guid(id)).statusCode()).isEqualTo(200);
      assertThat(send("GET", "/agents?q=" + id, null, "Authorization", ADMIN).body())
          .contains("\"session\":\"RELAYED\"");
    }
    assertThat(
            send("DELETE", "/relay-clients/" + clientId(name), null, "Authorization", ADMIN)
                .statusCode())
        .isEqualTo(204);
    for (int id : agents) {
      assertThat(send("GET", "/agents?q=" + id, null, "Authorization", ADMIN).body())
          .as("agent %d after its relay client was revoked", id)
          .contains("\"session\":\"NONE\"");
    }
  }

  @Test
  void thePickersSessionFilterShowsARelayedSessionGoneStaleWithinTwoSeconds() {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    String token = Api.newRelayToken("stale-" + System.nanoTime() % 100000);
    int agent = agentsOf("Technical Support").get(0);
    assertThat(push(token, agent, guid(agent)).statusCode()).isEqualTo(200);
    long pushed = System.nanoTime();
    String relayed = "session=RELAYED&q=" + agent;
    String stale = "session=STALE&q=" + agent;
    Awaitility.await("relayed in the directory")
        .atMost(Duration.ofSeconds(5))
        .until(() -> total(relayed) == 1);
    // ConsoleServer: statedesk.sessions.relay.guid-timeout-seconds=30
    Awaitility.await("stale in the directory")
        .pollInterval(Duration.ofMillis(100))
        .atMost(Duration.ofSeconds(40))
        .until(() -> total(stale) == 1);
    long millis = (System.nanoTime() - pushed) / 1_000_000;
    assertThat(millis)
        .as("ms from the push to STALE in the filter: the 30 s timeout, then at most 2 s")
        .isBetween(29_000L, 32_000L);
    assertThat(total(relayed)).isZero();
  }

  @Test
  void tenThousandPushesWriteNoLogLinePerPush() throws Exception {
    String client = "fleet-" + System.nanoTime() % 100000;
    String token = Api.newRelayToken(client);
    int logBefore = ConsoleServer.get().log().split("\n").length;
    double writesBefore = relayWrites(false);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    AtomicInteger ok = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        int n = i;
        all.add(
            pool.submit(
                () -> {
                  if (push(token, 20100 + n % 10, guid(n)).statusCode() == 200) {
                    ok.incrementAndGet();
                  }
                }));
      }
      for (var f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - start) / 1_000_000L;
    assertThat(ok).hasValue(10_000);
    // how fast is a figure for the benchmarks, not a test's verdict (no timed tests)
    System.out.printf("SessionRelayIT: 10,000 relay pushes in %,d ms%n", millis);
    String[] lines = ConsoleServer.get().log().split("\n");
    List<String> records =
        Arrays.stream(lines, logBefore, lines.length)
            .filter(l -> l.startsWith("[20")) // a record's first line: "[<timestamp>] ..."
            .toList();
    // the audit records each agent's new session once (10 agents), never a rotation or a push
    assertThat(records.stream().filter(r -> r.contains("relay:" + client)))
        .as("log records of client %s for 10,000 pushes to 10 agents", client)
        .hasSizeLessThanOrEqualTo(10)
        .allMatch(r -> r.contains("relay.session.registered"));
    assertThat(records).as("all log records during 10,000 pushes").hasSizeLessThan(100);
    // database writes: one audit row per new session (10 agents) and "last used" at most once a
    // minute, never one per push
    assertThat(relayWrites(true) - writesBefore)
        .as("database writes for 10,000 pushes to 10 agents")
        .isLessThanOrEqualTo(10 + 1 + millis / 60_000);
  }

  /** The console's count of database writes caused by relay pushes (Prometheus text). */
  static double relayWrites(boolean required) {
    String metrics =
        Api.send("GET", "/metrics", null, "Authorization", Api.basic("admin", "admin-demo")).body();
    Matcher m =
        Pattern.compile("(?m)^statedesk_relay_database_writes_total(?:\\{[^}]*\\})? (\\S+)$")
            .matcher(metrics);
    if (m.find()) {
      return Double.parseDouble(m.group(1));
    }
    assertThat(required).as("statedesk_relay_database_writes_total in /api/metrics").isFalse();
    return 0; // not counted yet: no relay push has written anything since the start
  }
}
