package io.statedesk.web.api;

import static io.statedesk.testkit.JsonFields.instant;
import static io.statedesk.testkit.JsonFields.number;
import static io.statedesk.testkit.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.PayaraMicro;
import io.statedesk.testkit.SimulatorControl;
import io.statedesk.testkit.Turns;
import io.statedesk.web.OwnServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a console that holds 1,100 hosted agents (force off), in the middle of a bulk change
 * for 1,000 of them and between the start and the revert of a scheduled change for the other 100,
 * then a start on the same database (issues 16 and 17):
 *
 * <ul>
 *   <li>every agent the console held is usable again within 30 s of the restarted console being
 *       ready, and no agent that another client held (seeded "signed in elsewhere", or taken over
 *       by a desktop's forced sign-in while the console ran) is ever signed in with force;
 *   <li>the bulk change ends with exact counts, never calls an agent again for the change whose
 *       outcome was known to be good, and every agent the console holds reads the state back at the
 *       simulator (re-applied, and counted so, where the restart's new session had lost it);
 *   <li>the schedule starts on time, reverts on time on the restarted console to what each agent
 *       had before, read back at the simulator, and runs each step once.
 * </ul>
 *
 * <p>The gateway is a simulator of its own (1,200 agents, its default AUTHMODE 2 with rotation on),
 * which outlives the console.
 *
 * <p>It runs beside the shared-console tests (it mostly waits for the schedule), never beside
 * ClusterIT (the lock on their servers): the three together overloaded 2 cores
 * (docs/src/testing.md). It takes its turn after its simulator has started, which a whole run
 * otherwise spent waiting for ClusterIT to end.
 *
 * <p>Why one class of this length: a simulator and a console of its own with 1,100 hosted agents,
 * killed and started again, take minutes to build, so one timeline checks every promise after each
 * kill.
 */
class AbruptRestartIT {

  static final HttpClient HTTP = Http.client();
  static final String ADMIN = Api.basic("admin", "admin-demo");
  static final int FIRST = 10001;
  static final int BULK = 1_000;
  static final int SCHEDULED = 100;
  static final int HOSTED = BULK + SCHEDULED;
  static final Duration USABLE_WITHIN = Duration.ofSeconds(30);

  String simulator;
  SimulatorControl control;

  PayaraMicro console(Path dir) {
    return PayaraMicro.builder()
        .workDir(dir)
        .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
        .postBootCommand(
            "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:file:"
                + dir.resolve("h2/statedesk")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0") // as the run command: see architecture.md
        .systemProperty("statedesk.demo.enabled", "true")
        .systemProperty("statedesk.api.basic-auth", "true")
        .systemProperty("statedesk.gateway.url", simulator + "/resource")
        .systemProperty("statedesk.sessions.hosted.enabled", "true")
        .systemProperty("statedesk.sessions.hosted.agents", FIRST + "-" + (FIRST + HOSTED - 1))
        .systemProperty("statedesk.sessions.hosted.password-pattern", "Sim#{agent}")
        .systemProperty("statedesk.sessions.hosted.phonenum-pattern", "7{agent}")
        .systemProperty("statedesk.sessions.hosted.force", "false")
        .systemProperty("statedesk.sessions.hosted.sign-in-rate", "200")
        // 1,100 agents: enough threads to reach the rate (configuration.md: rate x latency)
        .systemProperty("statedesk.sessions.hosted.sign-in-threads", "16")
        .systemProperty("statedesk.bulk.concurrency", "4")
        .systemProperty("statedesk.bulk.lease-seconds", "6")
        .systemProperty("statedesk.bulk.resume-delay-seconds", "8")
        .systemProperty("statedesk.bulk.reconcile-wait-seconds", "30")
        .systemProperty("statedesk.schedule.tick-seconds", "2")
        // desired states: a short background read-back (the restart's new sessions are also
        // reconciled as each signs in)
        .systemProperty("statedesk.desired.check-period-seconds", "2")
        .systemProperty("statedesk.desired.check-rate", "200")
        .readyWhen("/statedesk/login.xhtml")
        .start();
  }

  @Test
  void aConsoleKilledMidChangeAndMidScheduleComesBackWithEveryPromiseKept() throws Exception {
    Path dir = Files.createTempDirectory("statedesk-restart-");
    try (PayaraMicro gateway =
        PayaraMicro.builder()
            .workDir(dir.resolve("simulator"))
            .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
            .systemProperty("simulator.agents", "1200")
            .maxHeap("512m")
            .readyWhen("/agentgateway/simulator/status")
            .start()) {
      simulator = gateway.baseUrl() + "/agentgateway";
      control = SimulatorControl.at(HTTP, gateway.baseUrl());
      // the simulator boots while ClusterIT (the other JVM) may still run; the console waits
      Turns.Turn turn = OwnServers.turn("AbruptRestartIT");
      try {
        run(dir);
      } finally {
        turn.close();
      }
    }
  }

  /**
   * Why one method of this length: the kills and restarts are one timeline; each check depends on
   * the moment the step before reached.
   */
  void run(Path dir) throws Exception {
    List<Integer> bulk = IntStream.range(FIRST, FIRST + BULK).boxed().toList();
    // agents whose session another desktop holds from the start: the console, force off, must
    // leave them alone (and say "taken over"), before and after the restart
    Set<Integer> elsewhere = new TreeSet<>();
    for (int agent = FIRST; agent < FIRST + HOSTED; agent++) {
      if (view(agent).contains("\"elsewhere\":true")) {
        elsewhere.add(agent);
      }
    }
    assertThat(elsewhere).as("the simulator seeds ~5 %% signed in elsewhere").isNotEmpty();
    List<Integer> scheduled =
        IntStream.range(FIRST + BULK, FIRST + HOSTED)
            .filter(a -> !elsewhere.contains(a))
            .boxed()
            .toList();

    PayaraMicro console = console(dir);
    try {
      String api = console.baseUrl() + "/statedesk/api";
      StringBuilder csv = new StringBuilder("agent_id,name,team,skills,phone\n");
      for (int agent = FIRST; agent < FIRST + HOSTED; agent++) {
        csv.append(agent).append(",Agent ").append(agent).append(",Billing,,\n");
      }
      send("POST", api + "/agents/import", csv.toString(), ADMIN);
      awaitHosted(api, HOSTED - elsewhere.size(), Duration.ofSeconds(120));
      assertThat(sessionOf(api, elsewhere.iterator().next())).isEqualTo("TAKEN_OVER");

      // ten desktops take their agents over with a forced sign-in while the console runs
      Set<Integer> desktops =
          bulk.stream()
              .filter(a -> !elsewhere.contains(a))
              .limit(10)
              .collect(Collectors.toCollection(TreeSet::new));
      desktops.forEach(a -> control.onAgent(a, "forcelogin"));
      await("the desktops' agents shown as taken over", Duration.ofSeconds(30))
          .until(() -> desktops.stream().allMatch(a -> "TAKEN_OVER".equals(sessionOf(api, a))));
      Set<Integer> othersHold = new TreeSet<>(elsewhere);
      othersHold.addAll(desktops);

      // the scheduled agents had 120 before; the schedule sets 130 from now + 30 s for 2 min
      long before = id(send("POST", api + "/changes", changeOf(scheduled, 120), ADMIN));
      await("the earlier state", Duration.ofSeconds(60)).until(() -> completed(api, before));
      Instant start = Instant.now().plusSeconds(30);
      String schedule =
          send(
              "POST",
              api + "/schedules",
              "{\"agents\":"
                  + scheduled
                  + ",\"code\":130,\"startAt\":\""
                  + start
                  + "\",\"revertAfterSeconds\":120}",
              ADMIN);
      long scheduleId = id(schedule);
      await("the schedule's start", Duration.ofSeconds(120)).until(() -> all(scheduled, 130));
      Instant started = Instant.now();
      assertThat(started).as("started on time").isBetween(start, start.plusSeconds(30));

      // the bulk change, slowed so that the kill lands in its middle
      control.faults("{\"latencyMs\":150,\"operations\":[\"setCustomState\"]}");
      long beforeChange = lastSeq();
      long change = id(send("POST", api + "/changes", changeOf(bulk, 110), ADMIN));
      await("a third of the change", Duration.ofSeconds(90))
          .until(
              () ->
                  number(send("GET", api + "/changes/" + change, null, ADMIN), "succeeded")
                      >= BULK / 3);
      Set<Integer> knownGood =
          agents(
              send(
                  "GET",
                  api + "/changes/" + change + "/outcomes?status=SUCCEEDED&max=1000",
                  null,
                  ADMIN));
      console.kill();
      assertThat(knownGood).hasSizeBetween(BULK / 3, BULK - 1);

      console = console(dir);
      Instant ready = Instant.now();
      String restarted = console.baseUrl() + "/statedesk/api";
      // every agent the console held is usable again at once, without waiting for the gateway's
      // session timeout; those that others hold are not
      awaitHosted(restarted, HOSTED - othersHold.size(), USABLE_WITHIN);
      System.out.printf(
          "AbruptRestartIT: %d hosted agents usable again %d ms after the restarted console was"
              + " ready%n",
          HOSTED - othersHold.size(), Duration.between(ready, Instant.now()).toMillis());

      String changeUrl = restarted + "/changes/" + change;
      await("the change to complete after the restart", Duration.ofSeconds(120))
          .until(() -> completed(restarted, change));
      String done = send("GET", changeUrl, null, ADMIN);
      long othersInBulk = bulk.stream().filter(othersHold::contains).count();
      assertThat(number(done, "total")).isEqualTo(BULK);
      assertThat(number(done, "succeeded")).isEqualTo(BULK - othersInBulk);
      assertThat(number(done, "noSession")).isEqualTo(othersInBulk);
      assertThat(number(done, "pending")).isZero();

      List<Integer> held = bulk.stream().filter(a -> !othersHold.contains(a)).toList();
      await("every held agent to read back 110 at the simulator", Duration.ofSeconds(60))
          .until(() -> all(held, 110));
      control.clearFaults();
      // every agent the console holds is set by the change, across the kill, and never twice in
      // one session: an agent whose success was recorded before the kill is not called again, one
      // whose call was in flight is read back rather than called blind (and set again only where
      // the restart's new session no longer has the state); a second set in the same session is
      // a re-application counted on the outcome
      Map<Integer, List<Long>> sets = acceptedCalls(beforeChange, "setCustomState", 110);
      Map<Integer, List<Long>> signIns = acceptedCalls(beforeChange, "forceLogin", null);
      acceptedCalls(beforeChange, "login", null)
          .forEach((a, l) -> signIns.computeIfAbsent(a, k -> new ArrayList<>()).addAll(l));
      Map<Integer, Integer> afterRestart = acceptedSets(beforeChange, 110, ready);
      Map<Integer, Integer> reapplied =
          reapplied(send("GET", changeUrl + "/outcomes?max=1000", null, ADMIN));
      for (int agent : held) {
        int again = reapplied.getOrDefault(agent, 0);
        List<Long> mine = sets.getOrDefault(agent, List.of());
        assertThat(mine).as("set calls accepted for agent %d by the change", agent).isNotEmpty();
        List<Long> sessionStarts = signIns.getOrDefault(agent, List.of());
        long repeatsInOneSession =
            IntStream.range(1, mine.size())
                .filter(
                    i ->
                        sessionStarts.stream()
                            .noneMatch(s -> s > mine.get(i - 1) && s < mine.get(i)))
                .count();
        assertThat(repeatsInOneSession)
            .as(
                "sets of agent %d repeated in one session (calls %s, sign-ins %s)",
                agent, mine, sessionStarts)
            .isLessThanOrEqualTo(again);
        if (knownGood.contains(agent)) {
          assertThat(afterRestart.getOrDefault(agent, 0))
              .as("set calls accepted after the restart for agent %d, done before it", agent)
              .isBetween(0, again);
        }
      }
      assertThat(afterRestart).as("the restarted console finished the change").isNotEmpty();

      // the schedule reverts on the restarted console: back to 120, read back
      String scheduleUrl = restarted + "/schedules/" + scheduleId;
      await("the revert", Duration.ofSeconds(180))
          .until(() -> send("GET", scheduleUrl, null, ADMIN).contains("\"status\":\"DONE\""));
      await("every scheduled agent back on 120", Duration.ofSeconds(30))
          .until(() -> all(scheduled, 120));
      String view = send("GET", scheduleUrl, null, ADMIN);
      long startChange = number(view, "changeId");
      long revertChange = number(view, "revertChangeId");
      // on time by the console's own record of the revert change, not by when this test's poll
      // got an answer (an API call held up on a busy machine is not a late revert)
      String revertView = send("GET", restarted + "/changes/" + revertChange, null, ADMIN);
      assertThat(instant(revertView, "startedAt"))
          .as("revert started on time")
          .isBetween(start.plusSeconds(120), start.plusSeconds(150));
      assertThat(instant(revertView, "finishedAt"))
          .as("reverted on time")
          .isBetween(start.plusSeconds(120), start.plusSeconds(160));
      assertThat(
              number(send("GET", restarted + "/changes/" + startChange, null, ADMIN), "succeeded"))
          .isEqualTo(scheduled.size());
      assertThat(
              number(send("GET", restarted + "/changes/" + revertChange, null, ADMIN), "succeeded"))
          .isEqualTo(scheduled.size());
      // once each: 130 set once per agent (plus re-applications after the restart's new
      // sessions, counted), 120 set once by the revert (plus its re-applications)
      Map<Integer, Integer> sets130 = acceptedSets(0, 130, Instant.EPOCH);
      Map<Integer, Integer> again130 =
          reapplied(
              send(
                  "GET",
                  restarted + "/changes/" + startChange + "/outcomes?max=1000",
                  null,
                  ADMIN));
      Map<Integer, Integer> sets120 = acceptedSets(0, 120, started);
      Map<Integer, Integer> again120 =
          reapplied(
              send(
                  "GET",
                  restarted + "/changes/" + revertChange + "/outcomes?max=1000",
                  null,
                  ADMIN));
      Map<Integer, Integer> againBefore =
          reapplied(
              send("GET", restarted + "/changes/" + before + "/outcomes?max=1000", null, ADMIN));
      for (int agent : scheduled) {
        assertThat(sets130.getOrDefault(agent, 0))
            .as("130 set on agent %d", agent)
            .isBetween(1, 1 + again130.getOrDefault(agent, 0));
        assertThat(sets120.getOrDefault(agent, 0))
            .as("120 set on agent %d after the schedule started", agent)
            .isBetween(1, 1 + again120.getOrDefault(agent, 0) + againBefore.getOrDefault(agent, 0));
      }

      // nobody that another client held was ever signed in with force, before or after the restart
      // (the counters list an agent once somebody signed it in successfully)
      String stats = control.stats();
      for (int agent : othersHold) {
        assertThat(stats)
            .as("agent %d held by another client", agent)
            .doesNotContainPattern("\"" + agent + "\":\\{\"forcelogin\":[1-9]");
      }
      // and the console did take back its own: a forced sign-in for the agents it held
      assertThat(stats).containsPattern("\"" + held.get(0) + "\":\\{\"forcelogin\":1,");
    } finally {
      console.close();
    }
  }

  static ConditionFactory await(String what, Duration atMost) {
    return Awaitility.await(what)
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions();
  }

  /** Waits until {@code expected} agents are hosted; says where the others are if not. */
  static void awaitHosted(String api, long expected, Duration within) {
    try {
      await(expected + " agents hosted", within).until(() -> hosted(api) == expected);
    } catch (ConditionTimeoutException e) {
      StringBuilder where = new StringBuilder();
      for (String s : List.of("HOSTED", "NONE", "STALE", "TAKEN_OVER", "RELAYED")) {
        try {
          String page = send("GET", api + "/agents?session=" + s + "&max=5", null, ADMIN);
          where.append(s).append(": ").append(number(page, "total")).append(" e.g. ");
          where.append(agents(page)).append("; ");
        } catch (RuntimeException | AssertionError unanswered) {
          where.append(s).append(": ").append(unanswered.getMessage()).append("; ");
        }
      }
      throw new AssertionError(
          "not " + expected + " agents hosted within " + within + ": " + where, e);
    }
  }

  /** A change's body; a large change carries the typed confirmation the console asks for. */
  static String changeOf(List<Integer> agents, int code) {
    return "{\"agents\":"
        + agents
        + ",\"code\":"
        + code
        + ",\"confirmCount\":"
        + agents.size()
        + "}";
  }

  static boolean completed(String api, long change) {
    return "COMPLETED".equals(text(send("GET", api + "/changes/" + change, null, ADMIN), "status"));
  }

  /** How many agents the console reports with a hosted session (the directory's mirror). */
  static long hosted(String api) {
    return number(send("GET", api + "/agents?session=HOSTED&max=1", null, ADMIN), "total");
  }

  static String sessionOf(String api, int agent) {
    String page = send("GET", api + "/agents?q=" + agent + "&max=5", null, ADMIN);
    return JsonFields.objects(page, "agentId").stream()
        .filter(row -> number(row, "agentId") == agent)
        .findFirst()
        .map(row -> text(row, "session", "?"))
        .orElse("?");
  }

  String view(int agent) {
    return control.agent(agent);
  }

  /** Whether every one of {@code agents} reads back {@code code} at the simulator. */
  boolean all(List<Integer> agents, int code) {
    for (int agent : agents) {
      if (!view(agent).contains("\"customState\":" + code + ",")) {
        return false;
      }
    }
    return true;
  }

  /** Set calls of {@code code} the gateway accepted after {@code seq} and {@code since}. */
  /**
   * The sequence numbers of the calls of {@code operation} the simulator accepted after {@code
   * seq}, by agent, in order; for sets, only those of {@code code}. Each call's fields are read on
   * their own, whatever their order in the record.
   */
  Map<Integer, List<Long>> acceptedCalls(long seq, String operation, Integer code) {
    String calls = control.requests("operation=" + operation + "&limit=100000&after=" + seq);
    Map<Integer, List<Long>> by = new HashMap<>();
    for (String c : JsonFields.objects(calls, "seq")) {
      if (!"0".equals(text(c, "retcode", ""))
          || (code != null && !("customstate=" + code).equals(text(c, "query", "")))) {
        continue;
      }
      by.computeIfAbsent((int) number(c, "agentId"), k -> new ArrayList<>()).add(number(c, "seq"));
    }
    by.values().forEach(Collections::sort);
    return by;
  }

  Map<Integer, Integer> acceptedSets(long seq, int code, Instant since) {
    String calls = control.requests("operation=setCustomState&limit=100000&after=" + seq);
    Map<Integer, Integer> by = new HashMap<>();
    for (String c : JsonFields.objects(calls, "seq")) {
      if (number(c, "at") >= since.toEpochMilli()
          && ("customstate=" + code).equals(text(c, "query", ""))
          && "0".equals(text(c, "retcode", ""))) {
        by.merge((int) number(c, "agentId"), 1, Integer::sum);
      }
    }
    return by;
  }

  /** Re-applications by agent, from the outcomes. */
  static Map<Integer, Integer> reapplied(String outcomes) {
    Map<Integer, Integer> by = new HashMap<>();
    for (String outcome : JsonFields.objects(outcomes, "reapplied")) {
      by.put((int) number(outcome, "agentId"), (int) number(outcome, "reapplied"));
    }
    return by;
  }

  static Set<Integer> agents(String outcomes) {
    Set<Integer> ids = new TreeSet<>();
    JsonFields.numbers(outcomes, "agentId").forEach(id -> ids.add(id.intValue()));
    return ids;
  }

  long lastSeq() {
    String calls = control.requests("operation=setCustomState&limit=100000");
    return JsonFields.numbers(calls, "seq").stream().mapToLong(Long::longValue).max().orElse(0);
  }

  static long id(String json) {
    return number(json, "id");
  }

  static String send(String method, String url, String json, String auth) {
    HttpRequest.Builder request =
        Http.request(
                method,
                url,
                json,
                "Content-Type",
                url.endsWith("/import") ? "text/csv" : "application/json")
            .timeout(Duration.ofSeconds(30));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return Http.ok(HTTP, request.build());
  }
}
