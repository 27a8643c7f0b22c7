package io.statedesk.servers;

import static io.statedesk.testkit.JsonFields.number;
import static io.statedesk.testkit.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.statedesk.servers.WildFlyServer.Cli;
import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.Postgres;
import io.statedesk.testkit.SimulatorControl;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 19 on a full application server, at smoke level: two WildFly consoles (two unzips, their
 * ports apart by an offset) on one PostgreSQL, each configured by exactly the checked-in scripts
 * the operator guide gives, their {@code set} lines edited as it says ({@code configure.cli},
 * {@code datasource-postgresql.cli}, {@code demo.cli}, {@code cluster.cli} with the console's id).
 * The simulator beside console A, with its defaults (AUTHMODE 2, Guid rotation on, some agents
 * signed in elsewhere by desktops), is the gateway of both. Both consoles hold shards of the demo's
 * 60 hosted agents; one change for all of them, made through console A's API, is carried out by
 * each console for the agents whose sessions it holds, with exact counts, and every agent reads its
 * state back at the simulator.
 *
 * <p>Why WildFly and not Payara Server: a second WildFly is one more unzip started with another
 * port offset, configured offline; a second Payara Server domain is a domain created, started,
 * configured and restarted by five more {@code asadmin} runs, each a JVM start of its own.
 *
 * <p>Who made a call is read from both sides: the console's record (each outcome names the instance
 * that claimed the agent's call, {@code bulk_outcome.owner}) and the gateway's (each set call was
 * accepted, so it carried a Guid of the agent's one session, and no agent signed in while the
 * change ran, so that session was the one the hold records give to its console).
 *
 * <p>It never runs beside {@link WildFlyIT} (the lock {@link WildFlyServer#ONE_AT_A_TIME}): the
 * three, with PostgreSQL, on 2 cores took the module to 5.3 min. It runs beside the Payara Server
 * class once WildFlyIT has ended (or before it starts), which took the idle half of the machine
 * while {@code asadmin} configured and deployed (docs/src/testing.md).
 */
@ResourceLock(WildFlyServer.ONE_AT_A_TIME)
class TwoConsolesIT {

  static final String ADMIN = AppServer.basic("admin", "admin-demo");
  static final int FIRST = 10001;
  static final int LAST = 10060; // demo.cli's statedesk.sessions.hosted.agents
  static final int CODE = 110;
  static final String A = "console-a";
  static final String B = "console-b";
  static final Set<String> SIGN_INS = Set.of("login", "loginEx", "forceLogin");

  static Postgres db;
  static ClusterTables tables;
  static WildFlyServer a;
  static WildFlyServer b;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    db = Postgres.start();
    tables = new ClusterTables(db);
    WildFlyServer first = WildFlyServer.configured(console(A, null));
    a = first;
    // B's four CLI runs beside A's start, which leaves a core free while it deploys
    CompletableFuture<WildFlyServer> second =
        CompletableFuture.supplyAsync(
            () -> WildFlyServer.configured(console(B, first)),
            task -> new Thread(task, "configure-" + B).start());
    first.launch();
    try {
      b = second.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    b.launch();
    System.out.printf(
        "Two WildFly consoles on PostgreSQL configured, started and deployed in %.1f s%n",
        (System.nanoTime() - t0) / 1e9);
  }

  /** One console: the operator guide's scripts, with this test's database and the console's id. */
  static WildFlyServer.Setup console(String id, AppServer gateway) {
    Map<String, String> database =
        Map.of(
            "driverJar",
            Path.of(AppServer.required("matrix.dir"), "postgresql.jar").toString(),
            "dbUrl",
            db.jdbcUrl(),
            "dbUser",
            Postgres.USER,
            "dbPassword",
            "statedesk");
    return new WildFlyServer.Setup(
        "wildfly-" + id.substring(id.length() - 1),
        List.of(
            Cli.asIs("configure.cli"),
            new Cli("datasource-postgresql.cli", database),
            Cli.asIs("demo.cli"),
            new Cli("cluster.cli", Map.of("consoleId", id))),
        gateway);
  }

  @AfterAll
  static void stop() {
    for (AppServer server : new AppServer[] {b, a}) {
      if (server != null) {
        server.close();
      }
    }
    if (db != null) {
      db.close();
    }
  }

  @Test
  void oneChangeMadeOnConsoleAIsCarriedOutByEachConsoleForTheAgentsItHolds() {
    ok(a.api("POST", "/agents/sync", null, ADMIN));
    Set<Integer> elsewhere = new TreeSet<>();
    Set<Integer> usable = new TreeSet<>();
    String all = awaitBothConsolesHolding(elsewhere, usable);
    Map<String, Set<Integer>> held = tables.sessionHolders();

    // from here on the simulator's record holds only what the change did
    simulator().clearRequests();
    long t0 = System.nanoTime();
    long id = number(ok(a.api("POST", "/changes", all, ADMIN)), "id");
    await("the change to complete")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                ok(a.api("GET", "/changes/" + id, null, ADMIN))
                    .contains("\"status\":\"COMPLETED\""));
    String done = ok(a.api("GET", "/changes/" + id, null, ADMIN));
    System.out.printf(
        "TwoConsolesIT: %d agents held by %s, %d by %s, %d signed in elsewhere; the change made"
            + " on %s completed within %.1f s%n",
        held.get(A).size(),
        A,
        held.get(B).size(),
        B,
        elsewhere.size(),
        A,
        (System.nanoTime() - t0) / 1e9);
    assertThat(number(done, "total")).as(done).isEqualTo(LAST - FIRST + 1);
    assertThat(number(done, "succeeded")).as(done).isEqualTo(usable.size());
    assertThat(number(done, "noSession")).as(done).isEqualTo(elsewhere.size());
    assertThat(number(done, "failed")).as(done).isZero();
    assertThat(number(done, "pending")).as(done).isZero();

    // the console's record: each agent's call claimed by the console holding its session
    assertThat(tables.callers(id)).isEqualTo(held);
    assertThat(tables.sessionHolders()).as("the sessions where they were").isEqualTo(held);
    assertOneAcceptedSetEachInTheSessionsHeld(usable);
    for (int agent = FIRST; agent <= LAST; agent++) {
      String state = simulator().agent(agent);
      if (usable.contains(agent)) {
        assertThat(state).as("agent " + agent).contains("\"customState\":" + CODE + ",");
      } else {
        assertThat(state).as("agent " + agent).contains("\"elsewhere\":true");
      }
    }
    for (AppServer console : List.of(a, b)) {
      assertThat(console.logShowsAGuid()).as("a Guid in " + console.logFile()).isFalse();
    }
  }

  /**
   * Waits until both consoles hold shards and the sessions of every agent not signed in elsewhere
   * (sorted into {@code elsewhere} and {@code usable}, as the simulator says), and each console
   * sees them all usable and the other console as a member; returns the change's body.
   */
  static String awaitBothConsolesHolding(Set<Integer> elsewhere, Set<Integer> usable) {
    await("both consoles holding shards")
        .atMost(Duration.ofMinutes(3))
        .until(tables::shardHolders, shards -> shards.keySet().equals(Set.of(A, B)));
    for (int agent = FIRST; agent <= LAST; agent++) {
      (simulator().agent(agent).contains("\"elsewhere\":true") ? elsewhere : usable).add(agent);
    }
    await("every usable agent's session held, some by each console")
        .atMost(Duration.ofMinutes(3))
        .until(
            tables::sessionHolders,
            h -> h.keySet().equals(Set.of(A, B)) && union(h.values()).equals(usable));
    String all =
        IntStream.rangeClosed(FIRST, LAST)
            .mapToObj(String::valueOf)
            .collect(Collectors.joining(",", "{\"agents\":[", "],\"code\":" + CODE + "}"));
    for (WildFlyServer console : List.of(a, b)) {
      await("every usable agent usable, as " + console.name() + " sees them")
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> ok(console.api("POST", "/changes?dryRun=true", all, ADMIN)),
              p ->
                  number(p, "WILL_CHANGE", 0) == usable.size()
                      && number(p, "NO_SESSION", 0) == elsewhere.size());
    }
    assertThat(ok(a.api("GET", "/system", null, ADMIN))).contains("\"console\":\"" + B + "\"");
    assertThat(ok(b.api("GET", "/system", null, ADMIN))).contains("\"console\":\"" + A + "\"");
    return all;
  }

  /**
   * The gateway's record since the change began: exactly one accepted set call of the code for each
   * usable agent, none for the others, none refused, and no accepted sign-in (so each call carried
   * a Guid of the session its agent had before the change, the one its console holds).
   */
  static void assertOneAcceptedSetEachInTheSessionsHeld(Set<Integer> usable) {
    List<String> calls = calls();
    List<String> sets =
        calls.stream().filter(c -> c.contains("\"operation\":\"setCustomState\"")).toList();
    assertThat(sets.stream().filter(c -> !c.contains("\"retcode\":\"0\"")).toList())
        .as("refused set calls")
        .isEmpty();
    Map<Integer, Long> perAgent =
        sets.stream()
            .filter(c -> c.contains("customstate=" + CODE))
            .collect(
                Collectors.groupingBy(
                    c -> (int) number(c, "agentId"), TreeMap::new, Collectors.counting()));
    assertThat(perAgent)
        .isEqualTo(usable.stream().collect(Collectors.toMap(agent -> agent, agent -> 1L)));
    assertThat(
            calls.stream()
                .filter(c -> SIGN_INS.contains(text(c, "operation", "")))
                .filter(c -> c.contains("\"retcode\":\"0\""))
                .toList())
        .as("sign-ins while the change ran")
        .isEmpty();
  }

  static Set<Integer> union(Iterable<Set<Integer>> sets) {
    Set<Integer> all = new TreeSet<>();
    sets.forEach(all::addAll);
    return all;
  }

  /** The simulator's record of the calls for the hosted agents, one JSON object each. */
  static List<String> calls() {
    List<String> calls = new ArrayList<>();
    for (String call : JsonFields.objects(simulator().requests("limit=100000"), "seq")) {
      long agent = number(call, "agentId", 0);
      if (agent >= FIRST && agent <= LAST) {
        calls.add(call);
      }
    }
    return calls;
  }

  /** The simulator's control API (beside console A). */
  static SimulatorControl simulator() {
    return SimulatorControl.at(AppServer.HTTP, a.baseUrl());
  }

  static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode())
        .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }
}
