package io.statedesk.web.cluster;

import static io.statedesk.testkit.JsonFields.number;
import static io.statedesk.testkit.JsonFields.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.PayaraMicro;
import io.statedesk.testkit.Postgres;
import io.statedesk.testkit.SimulatorControl;
import io.statedesk.web.OwnServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two consoles on one PostgreSQL behind nginx, every one a real process: 1,000 hosted agents split
 * over the consoles by shard; a change for all of them through the load balancer survives a kill -9
 * of one console at about a third (the other takes its shards over and finishes, with exact counts,
 * every agent reading the code back at the simulator and no agent called again after a success in
 * the same session); a change made on one console for the other's agents is carried out by the
 * other; relayed sessions are called by the console their desktop last pushed to, and follow the
 * desktop when it pushes to the other console; and a clean stop hands the agents over within the
 * lease period.
 *
 * <p>The simulator runs with its defaults (AUTHMODE 2, Guid rotation on, some agents signed in
 * elsewhere by desktops): with force off, the consoles show those agents TAKEN_OVER, never force
 * them, and a change ends them "no session", with the counts taken from the simulator's own view of
 * who is held elsewhere. The consoles run with the bulk defaults too: an agent whose sign-in is
 * still under way after a take-over stays pending until it signs in.
 *
 * <p>It runs beside the shared-console tests, never beside AbruptRestartIT (the lock on their
 * servers).
 *
 * <p>Why one class of this length: the cluster (PostgreSQL, a simulator, two consoles, nginx, 1,000
 * hosted agents) takes minutes to build, so its scenarios run on one cluster as one timeline.
 */
@ExtendWith(OwnServers.class)
class ClusterIT {

  static final HttpClient HTTP = Http.newClient();
  static final String ADMIN =
      "Basic "
          + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
  static final int FIRST = 10001;
  static final int AGENTS = 1000;

  /** Agents after the hosted ones: the simulator has them, the consoles never host them. */
  static final int UNHOSTED = 10;

  Postgres db;
  PayaraMicro simulator;
  PayaraMicro a;
  PayaraMicro b;
  Process nginx;
  Path dir;

  /**
   * Why one method of this length: the kills and restarts are one timeline; each check depends on
   * the moment the step before reached.
   */
  @Test
  void aConsoleKilledMidChangeIsTakenOverAndAChangeOnOneConsoleIsCarriedOutByTheOther()
      throws Exception {
    startDatabaseAndSimulator(AGENTS + UNHOSTED);
    Set<Integer> elsewhere = heldElsewhere();
    int usable = AGENTS - elsewhere.size();
    System.out.printf(
        "ClusterIT: the simulator holds %d of %d agents signed in elsewhere%n",
        elsewhere.size(), AGENTS);
    a = console("a");
    b = console("b");
    int lbPort = PayaraMicro.freePort();
    nginx = nginx(lbPort, a.port(), b.port());
    String lb = "http://127.0.0.1:" + lbPort + "/statedesk/api";

    StringBuilder csv = new StringBuilder("agent_id,name,team,skills,phone\n");
    StringBuilder all = new StringBuilder();
    for (int agent = FIRST; agent < FIRST + AGENTS; agent++) {
      csv.append(agent).append(",Agent ").append(agent).append(",Billing,,\n");
      all.append(agent == FIRST ? "" : ",").append(agent);
    }
    send("POST", lb + "/agents/import", csv.toString(), "text/csv");
    // both consoles hold shards, every agent has a session (held and recorded as such)
    await("shards split between both consoles")
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                sql("select count(distinct owner) from cluster_lease where name like 'shard-%'")
                    .equals("2"));
    await("every agent's session held, about half by each console, and recorded so")
        .atMost(Duration.ofMinutes(3))
        .conditionEvaluationListener(c -> System.out.println("ClusterIT: " + c.getDescription()))
        .until(this::holders, h -> evenlySplit(h, usable));
    // each console shows the other's breaker and shards (from the database), and takes half of
    // the cluster's sign-in rate
    for (PayaraMicro[] pair : new PayaraMicro[][] {{a, b}, {b, a}}) {
      String system =
          send("GET", "http://127.0.0.1:" + pair[0].port() + "/statedesk/api/system", null, null);
      Map<String, String> others = members(system, false);
      assertThat(others).as(system).hasSize(1);
      String other = others.keySet().iterator().next();
      assertThat(other).isEqualTo(pair[1] == a ? "a" : "b");
      assertThat(members(system, true).keySet()).containsExactly(pair[0] == a ? "a" : "b");
      assertThat(others.get(other)).as(system).startsWith("CLOSED:").isNotEqualTo("CLOSED:");
      assertThat(number(system, "signInRatePerSecond")).as(system).isEqualTo(100);
    }
    String setAll = "{\"agents\":[" + all + "],\"code\":110}";
    await("every agent usable but those held elsewhere, as the load balancer's consoles see them")
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> {
              String preview = send("POST", lb + "/changes?dryRun=true", setAll, null);
              return number(preview, "WILL_CHANGE") == usable
                  && (elsewhere.isEmpty() || number(preview, "NO_SESSION") == elsewhere.size());
            });
    await("the agents held elsewhere shown TAKEN_OVER by the console whose shard they are in")
        .atMost(Duration.ofMinutes(1))
        .until(
            () -> {
              Set<Integer> shown = takenOver(a);
              shown.addAll(takenOver(b));
              return shown;
            },
            elsewhere::equals);

    // 1. kill -9 of B at about a third of a change made through the load balancer
    control().faults("{\"latencyMs\":100,\"operations\":[\"setCustomState\"]}");
    long id = number(send("POST", lb + "/changes", setAll, null), "id");
    String change = lb + "/changes/" + id;
    await("a third of the change")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> number(send("GET", change, null, null), "succeeded") >= AGENTS / 3);
    b.kill();
    await("the change to complete on console A")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> send("GET", change, null, null).contains("\"status\":\"COMPLETED\""));
    String done = send("GET", change, null, null);
    assertThat(number(done, "total")).isEqualTo(AGENTS);
    assertThat(number(done, "succeeded")).as(done).isEqualTo(usable);
    assertThat(number(done, "noSession")).as(done).isEqualTo(elsewhere.size());
    assertThat(number(done, "failed")).as(done).isZero();
    assertThat(number(done, "pending")).isZero();
    assertThat(
            sql(
                "select count(distinct owner) from cluster_lease where name like 'shard-%' and held_until > now()"))
        .isEqualTo("1");
    await("every agent to read back 110 at the simulator")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> readingBack(110, FIRST, FIRST + AGENTS - 1).equals(List.copyOf(elsewhere)));
    assertNoSetAfterASuccessInOneSession();
    assertThat(heldElsewhere()).as("still held by their desktops").isEqualTo(elsewhere);
    assertThat(requestedFor("forceLogin", elsewhere))
        .as("forced sign-ins of agents held elsewhere")
        .isEmpty();
    control().clearFaults();

    // 2. B back; a change made on A for the agents B holds is carried out by B (A has no session
    // for them, so no Guid leaves B)
    b = console("b");
    try {
      await("B holding shards again")
          .atMost(Duration.ofMinutes(3))
          .until(this::holders, h -> evenlySplit(h, usable));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + unheld(elsewhere), e);
    }
    Set<Integer> ofB = sessionsOf("b");
    String onA = "http://127.0.0.1:" + a.port() + "/statedesk/api";
    String setB = "{\"agents\":" + ofB.toString().replace(" ", "") + ",\"code\":120}";
    await("B's agents usable, as A sees them")
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                number(send("POST", onA + "/changes?dryRun=true", setB, null), "WILL_CHANGE")
                    == ofB.size());
    long second = number(send("POST", onA + "/changes", setB, null), "id");
    await("the change made on A for B's agents to complete")
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                send("GET", onA + "/changes/" + second, null, null)
                    .contains("\"status\":\"COMPLETED\""));
    String secondDone = send("GET", onA + "/changes/" + second, null, null);
    assertThat(number(secondDone, "succeeded")).as(secondDone).isEqualTo(ofB.size());
    assertThat(readingBack(120, ofB)).isEmpty();

    // 2b. relayed sessions belong to the console their desktop last pushed to
    relayedSessionsAreCalledByTheConsoleTheirDesktopLastPushedTo();

    // 3. B stopped cleanly (it signs its agents out, and their states go with the sessions): A
    // takes them over within the lease period and re-applies their desired state
    long stopped = System.currentTimeMillis();
    b.close();
    await("B's agents to read back 120 again, in A's sessions")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> readingBack(120, ofB).isEmpty());
    System.out.printf(
        "ClusterIT: after B's clean stop its %d agents read back their state in A's sessions"
            + " within %d ms%n",
        ofB.size(), System.currentTimeMillis() - stopped);
    assertThat(sql("select count(distinct owner) from cluster_lease where name like 'shard-%'"))
        .isEqualTo("1");
  }

  /**
   * Three agents the consoles do not host, signed in by their own desktops, which relay their
   * sessions (following every Guid rotation) to console B: a change made on A for them is carried
   * out by B, the only console with their Guids. The desktops then move to A: the hold records
   * follow, and a change made on B is carried out by A. Each change ends with a read-back at the
   * simulator.
   */
  void relayedSessionsAreCalledByTheConsoleTheirDesktopLastPushedTo() throws Exception {
    String consoleA = "http://127.0.0.1:" + a.port() + "/statedesk";
    String consoleB = "http://127.0.0.1:" + b.port() + "/statedesk";
    Set<Integer> relayed = new TreeSet<>();
    StringBuilder csv = new StringBuilder("agent_id,name,team,skills,phone\n");
    for (int agent = FIRST + AGENTS;
        agent < FIRST + AGENTS + UNHOSTED && relayed.size() < 3;
        agent++) {
      if (!control().agent(agent).contains("\"elsewhere\":true")) {
        relayed.add(agent);
        csv.append(agent).append(",Desk ").append(agent).append(",Billing,,\n");
      }
    }
    assertThat(relayed).hasSize(3);
    send("POST", consoleA + "/api/agents/import", csv.toString(), "text/csv");
    String token =
        text(
            send("POST", consoleA + "/api/relay-clients", "{\"name\":\"floor-desktops\"}", null),
            "token");
    List<Desktop> desktops = new ArrayList<>();
    try {
      for (int agent : relayed) {
        desktops.add(Desktop.signIn(gateway("/resource"), agent, token, consoleB));
      }
      String agents = relayed.toString().replace(" ", "");
      await("the hold records to say B holds the relayed sessions")
          .atMost(Duration.ofSeconds(30))
          .until(() -> holdersOf(relayed), "b"::equals);
      changeIsCarriedOutBy(consoleA, "{\"agents\":" + agents + ",\"code\":130}", relayed, "b");
      assertThat(readingBack(130, relayed)).as("relayed agents reading back 130").isEmpty();

      for (Desktop desktop : desktops) {
        desktop.relayTo(consoleA);
      }
      await("the hold records to follow the desktops to A")
          .atMost(Duration.ofSeconds(30))
          .until(() -> holdersOf(relayed), "a"::equals);
      changeIsCarriedOutBy(consoleB, "{\"agents\":" + agents + ",\"code\":131}", relayed, "a");
      assertThat(readingBack(131, relayed)).as("relayed agents reading back 131").isEmpty();
      for (Desktop desktop : desktops) {
        assertThat(desktop.failure()).as("desktop of " + desktop.agent()).isNull();
        assertThat(desktop.pushes()).as("pushes of " + desktop.agent()).isGreaterThanOrEqualTo(2);
      }
    } finally {
      desktops.forEach(Desktop::close);
    }
  }

  /** The distinct consoles whose live hold records cover {@code agents}, comma-separated. */
  String holdersOf(Set<Integer> agents) throws Exception {
    String[] row =
        sql("select string_agg(distinct console_id, ','), count(*) from session_hold"
                + " where held_until > now() and agent_id in "
                + agents.toString().replace("[", "(").replace("]", ")"))
            .split("\\|");
    return row[0] + (row[1].equals(Integer.toString(agents.size())) ? "" : " (not all held)");
  }

  /**
   * Makes the change {@code body} on {@code console}, waits for it to complete with every one of
   * {@code agents} succeeded, and checks from the outcomes' owners that the console {@code caller}
   * made every call.
   */
  void changeIsCarriedOutBy(String console, String body, Set<Integer> agents, String caller)
      throws Exception {
    long id = number(send("POST", console + "/api/changes", body, null), "id");
    String url = console + "/api/changes/" + id;
    await("change " + id + " to complete")
        .atMost(Duration.ofMinutes(1))
        .until(() -> send("GET", url, null, null).contains("\"status\":\"COMPLETED\""));
    String done = send("GET", url, null, null);
    assertThat(number(done, "succeeded")).as(done).isEqualTo(agents.size());
    assertThat(
            sql(
                "select string_agg(distinct m.console_id, ',') from bulk_outcome o"
                    + " join cluster_member m on m.instance_id = o.owner where o.change_id = "
                    + id))
        .as("the console that made change " + id + "'s calls")
        .isEqualTo(caller);
  }

  /**
   * From the simulator's record: after a set of a code that the gateway accepted, the agent's next
   * accepted set of the same code comes only after a sign-in (a new session starts without the
   * state, so setting it again is re-applying it, not calling twice).
   */
  void assertNoSetAfterASuccessInOneSession() throws Exception {
    Map<Integer, TreeMap<Long, String>> byAgent = new HashMap<>();
    for (String operation : List.of("setCustomState", "login", "loginEx", "forceLogin")) {
      List<long[]> accepted = acceptedCalls(operation);
      if (operation.equals("setCustomState")) {
        assertThat(accepted).as("accepted sets in the simulator's record").hasSizeGreaterThan(500);
      }
      for (long[] call : accepted) {
        byAgent
            .computeIfAbsent((int) call[2], k -> new TreeMap<>())
            .put(call[0], call[3] < 0 ? operation : operation + " " + call[3]);
      }
    }
    List<String> twice = new ArrayList<>();
    for (int agent = FIRST; agent < FIRST + AGENTS; agent++) {
      // the codes set in the current session: each change sets its own code once per session
      Set<String> setInSession = new HashSet<>();
      for (String operation : byAgent.getOrDefault(agent, new TreeMap<>()).values()) {
        if (!operation.startsWith("setCustomState")) {
          setInSession.clear();
        } else if (!setInSession.add(operation)) {
          twice.add(agent + ": " + byAgent.get(agent).values());
          break;
        }
      }
    }
    assertThat(twice).as("agents set twice in one session").isEmpty();
  }

  /** PostgreSQL and the simulator (its defaults: AUTHMODE 2, rotation, some agents elsewhere). */
  void startDatabaseAndSimulator(int agents) throws Exception {
    dir = Files.createTempDirectory("statedesk-cluster-");
    db = Postgres.start();
    simulator =
        PayaraMicro.builder()
            .workDir(dir.resolve("simulator"))
            .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
            .systemProperty("simulator.agents", Integer.toString(agents))
            .readyWhen("/agentgateway/simulator/requests?limit=1")
            .start();
  }

  PayaraMicro console(String id) {
    return PayaraMicro.builder()
        .workDir(dir.resolve("console-" + id + "-" + System.nanoTime()))
        .library(Path.of(PayaraMicro.requiredProperty("postgresql.jar")))
        .postBootCommand(
            "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                + " --restype=javax.sql.DataSource --property=serverName=localhost:portNumber="
                + db.port()
                + ":databaseName="
                + Postgres.DATABASE
                + ":user="
                + Postgres.USER
                + ":password=statedesk StateDeskPool")
        .postBootCommand("set resources.jdbc-resource.jdbc/__default.pool-name=StateDeskPool")
        .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
        .systemProperty("statedesk.console.id", id)
        .systemProperty("statedesk.cluster.enabled", "true")
        .systemProperty("statedesk.cluster.heartbeat-seconds", "2")
        .systemProperty("statedesk.cluster.lease-seconds", "8")
        .systemProperty("statedesk.demo.enabled", "true")
        .systemProperty("statedesk.api.basic-auth", "true")
        .systemProperty("statedesk.gateway.url", gateway("/resource"))
        .systemProperty("statedesk.sessions.hosted.enabled", "true")
        .systemProperty("statedesk.sessions.hosted.agents", FIRST + "-" + (FIRST + AGENTS - 1))
        .systemProperty("statedesk.sessions.hosted.password-pattern", "Sim#{agent}")
        .systemProperty("statedesk.sessions.hosted.phonenum-pattern", "7{agent}")
        .systemProperty("statedesk.sessions.hosted.sign-in-rate", "200")
        .systemProperty("statedesk.sessions.hosted.session-timeout-seconds", "120")
        .systemProperty("statedesk.bulk.concurrency", "8")
        .systemProperty("statedesk.bulk.lease-seconds", "6")
        .systemProperty("statedesk.bulk.resume-delay-seconds", "2")
        .systemProperty("statedesk.bulk.confirm-above", "100000")
        .systemProperty("statedesk.bulk.reconcile-wait-seconds", "30")
        .readyWhen("/statedesk/login.xhtml")
        .start();
  }

  /**
   * nginx in front of both consoles, on its own configuration in the test's directory.
   *
   * <p>Why one method: the load balancer's configuration is written whole, as an operator would
   * write it, and started.
   */
  Process nginx(int port, int... consoles) throws Exception {
    Path conf = dir.resolve("nginx");
    Files.createDirectories(conf.resolve("temp"));
    StringBuilder upstream = new StringBuilder();
    for (int console : consoles) {
      upstream
          .append("    server 127.0.0.1:")
          .append(console)
          .append(" max_fails=1 fail_timeout=3s;\n");
    }
    Files.writeString(
        conf.resolve("nginx.conf"),
        """
        daemon off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 256; }
        http {
          access_log off;
          client_body_buffer_size 4m;
          client_body_temp_path %1$s/temp/body;
          proxy_temp_path %1$s/temp/proxy;
          fastcgi_temp_path %1$s/temp/fastcgi;
          uwsgi_temp_path %1$s/temp/uwsgi;
          scgi_temp_path %1$s/temp/scgi;
          upstream consoles {
        %2$s  }
          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://consoles;
              proxy_set_header Host $host:$server_port;
              proxy_connect_timeout 2s;
              proxy_read_timeout 60s;
              proxy_buffering off;
              proxy_request_buffering off;
              proxy_next_upstream error timeout http_502 http_503;
            }
          }
        }
        """
            .formatted(conf, upstream, port));
    Process process =
        new ProcessBuilder(
                nginxBinary(), "-p", conf.toString(), "-c", conf.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(conf.resolve("out.log").toFile())
            .start();
    await("nginx")
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              HttpResponse<String> r =
                  HTTP.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + "/statedesk/login.xhtml"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              return r.statusCode() == 200;
            });
    return process;
  }

  static String nginxBinary() {
    for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("nginx is not installed: apt-get install nginx-light");
  }

  /** Both consoles hold about half of the {@code usable} agents' sessions, all of them together. */
  /**
   * Awaitility's wait with a poll once a second unless a wait says otherwise. Why: most conditions
   * here are heavy to ask (a preview of 1,000 agents through nginx, both consoles' 1,000-agent
   * lists, a psql process), and at Awaitility's default of ten a second the asking took a good part
   * of the two cores that the consoles and the simulator under test needed.
   */
  static ConditionFactory await(String what) {
    return Awaitility.await(what).pollInterval(Duration.ofSeconds(1));
  }

  static boolean evenlySplit(Map<String, Integer> holders, int usable) {
    return holders.keySet().equals(Set.of("a", "b"))
        && holders.values().stream().mapToInt(Integer::intValue).sum() == usable
        && holders.values().stream()
            .allMatch(n -> n >= usable * 35 / 100 && n <= usable * 65 / 100);
  }

  /**
   * The members of a {@code GET /api/system} answer that are ({@code self}) or are not the console
   * answering: console id to "breaker:shards".
   */
  static Map<String, String> members(String system, boolean self) {
    Map<String, String> members = new TreeMap<>();
    for (String member : JsonFields.objects(system, "shards")) {
      if (JsonFields.flag(member, "self") == self) {
        members.put(
            text(member, "console"),
            text(member, "breaker")
                + ":"
                + JsonFields.numberArray(member, "shards").stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(",")));
      }
    }
    return members;
  }

  /** The agents a desktop holds signed in elsewhere, as the simulator says. */
  Set<Integer> heldElsewhere() throws Exception {
    Set<Integer> agents = new TreeSet<>();
    for (int agent = FIRST; agent < FIRST + AGENTS; agent++) {
      if (control().agent(agent).contains("\"elsewhere\":true")) {
        agents.add(agent);
      }
    }
    return agents;
  }

  /**
   * The calls of {@code operation} the simulator answered with retcode 0, as {seq, at, agentId},
   * each field read on its own (the record's JSON property order is the server's choice).
   */
  List<long[]> acceptedCalls(String operation) throws Exception {
    String calls = control().requests("operation=" + operation + "&limit=100000");
    List<long[]> accepted = new ArrayList<>();
    for (String one : JsonFields.objects(calls, "seq")) {
      if ("0".equals(text(one, "retcode", ""))) {
        String query = text(one, "query", "");
        accepted.add(
            new long[] {
              number(one, "seq"),
              number(one, "at"),
              number(one, "agentId"),
              query.matches("customstate=\\d+") ? Long.parseLong(query.substring(12)) : -1
            });
      }
    }
    return accepted;
  }

  /** Which of {@code agents} the simulator recorded a request of {@code operation} for. */
  Set<Integer> requestedFor(String operation, Set<Integer> agents) throws Exception {
    Set<Integer> asked = new TreeSet<>();
    for (long agent :
        JsonFields.numbers(
            control().requests("operation=" + operation + "&limit=100000"), "agentId")) {
      if (agents.contains((int) agent)) {
        asked.add((int) agent);
      }
    }
    return asked;
  }

  /** The agents {@code console} shows TAKEN_OVER in its own session store (the API's "session"). */
  static Set<Integer> takenOver(PayaraMicro console) throws Exception {
    Set<Integer> ids = new TreeSet<>();
    String page =
        send(
            "GET",
            "http://127.0.0.1:" + console.port() + "/statedesk/api/agents?max=1000",
            null,
            null);
    for (String row : JsonFields.objects(page, "agentId")) {
      if ("TAKEN_OVER".equals(text(row, "session", ""))) {
        ids.add((int) number(row, "agentId"));
      }
    }
    return ids;
  }

  /**
   * For a failure message: the hosted agents (but those held elsewhere) with no live hold record,
   * as the simulator and each console's session store see them.
   */
  String unheld(Set<Integer> elsewhere) throws Exception {
    Set<Integer> held = new TreeSet<>();
    for (String line :
        sql("select agent_id from session_hold where held_until > now()").split("\n")) {
      if (!line.isBlank()) {
        held.add(Integer.parseInt(line.trim()));
      }
    }
    StringBuilder why = new StringBuilder("Hosted agents with no live hold record:");
    for (int agent = FIRST; agent < FIRST + AGENTS; agent++) {
      if (!held.contains(agent) && !elsewhere.contains(agent)) {
        why.append("\n  ").append(agent).append(" at the simulator: ");
        why.append(control().agent(agent));
        for (PayaraMicro console : new PayaraMicro[] {a, b}) {
          String row =
              send(
                  "GET",
                  "http://127.0.0.1:" + console.port() + "/statedesk/api/agents?q=" + agent,
                  null,
                  null);
          why.append(" console ").append(console == a ? "a" : "b").append(": ");
          why.append(text(row, "session", row));
        }
      }
    }
    return why.toString();
  }

  /** Hosted agents per console id, from the hold records. */
  Map<String, Integer> holders() throws Exception {
    Map<String, Integer> by = new TreeMap<>();
    for (String line :
        sql("select console_id, count(*) from session_hold where held_until > now() group by console_id")
            .split("\n")) {
      if (!line.isBlank()) {
        String[] parts = line.split("\\|");
        by.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
    return by;
  }

  Set<Integer> sessionsOf(String console) throws Exception {
    Set<Integer> agents = new TreeSet<>();
    for (String line :
        sql("select agent_id from session_hold where held_until > now() and console_id = '"
                + console
                + "'")
            .split("\n")) {
      if (!line.isBlank()) {
        agents.add(Integer.parseInt(line.trim()));
      }
    }
    return agents;
  }

  /** One query's rows at the test's PostgreSQL (psql, unaligned, '|' between columns). */
  String sql(String query) throws Exception {
    Path psql = Postgres.binaries().orElseThrow().resolve("psql");
    Process p =
        new ProcessBuilder(
                psql.toString(),
                "-h",
                "localhost",
                "-p",
                Integer.toString(db.port()),
                "-U",
                Postgres.USER,
                "-d",
                Postgres.DATABASE,
                "-tAc",
                query)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** The control API of the cluster's simulator. */
  SimulatorControl control() {
    return SimulatorControl.at(HTTP, simulator.baseUrl());
  }

  String gateway(String path) {
    return simulator.baseUrl() + "/agentgateway" + path;
  }

  List<Integer> readingBack(int code, int from, int to) throws Exception {
    Set<Integer> agents = new TreeSet<>();
    for (int agent = from; agent <= to; agent++) {
      agents.add(agent);
    }
    return readingBack(code, agents);
  }

  /** The agents that do not read back {@code code} at the simulator. */
  List<Integer> readingBack(int code, Set<Integer> agents) throws Exception {
    List<Integer> wrong = new ArrayList<>();
    for (int agent : agents) {
      if (!control().agent(agent).contains("\"customState\":" + code + ",")) {
        wrong.add(agent);
      }
    }
    return wrong;
  }

  /** A call as admin (console URLs) or without credentials (the simulator's control API). */
  static String send(String method, String url, String body, String contentType) {
    HttpRequest.Builder request =
        Http.request(
                method,
                url,
                body,
                "Content-Type",
                contentType == null ? "application/json" : contentType)
            .timeout(Duration.ofSeconds(30));
    if (url.contains("/statedesk/")) {
      request.header("Authorization", ADMIN);
    }
    return Http.ok(HTTP, request.build());
  }

  @AfterEach
  void stop() {
    if (nginx != null) {
      nginx.destroy();
    }
    for (PayaraMicro server : new PayaraMicro[] {b, a, simulator}) {
      if (server != null) {
        server.close();
      }
    }
    if (db != null) {
      db.close();
    }
  }
}
