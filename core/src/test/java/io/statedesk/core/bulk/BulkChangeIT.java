package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ConfirmationRequiredException;
import io.statedesk.core.cluster.ClusterStore;
import io.statedesk.core.cluster.Ownership;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryImport;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.persistence.Database;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.ConsoleId;
import io.statedesk.core.session.RelayClients;
import io.statedesk.core.session.RelayScope;
import io.statedesk.core.session.RelaySessions;
import io.statedesk.core.testing.TestDatabase;
import io.statedesk.core.testsupport.TestCaller;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk changes on Payara Micro against the simulator with faults on: a thousand hosted agents,
 * transient and permanent failures, stale sessions, an outage, an interrupted change, and scope.
 *
 * <p>Why one class of this length: its tests share a console and a simulator of their own (a server
 * boot of about a minute with their agents signed in); a second class would pay that again in every
 * run.
 */
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class BulkChangeIT {

  static final int FIRST = BulkWorld.FIRST;
  static final int HOSTED = BulkWorld.HOSTED;

  @Deployment
  static WebArchive deployment() {
    return BulkWorld.deployment().addClass(BulkWorld.class);
  }

  @Inject BulkChanges changes;
  @Inject ChangeHistory history;
  @Inject BulkStore store;
  @Inject OutcomeClaims claims;
  @Inject OutcomeRecorder recorder;
  @Inject ClusterStore cluster;
  @Inject AgentDirectory directory;
  @Inject DirectoryImport directoryImport;
  @Inject AgentSessions sessions;
  @Inject RelaySessions relay;
  @Inject RelayClients relayClients;
  @Inject GatewayClient client;
  @Inject ConsoleId consoleId;
  @Inject Database database;
  @Inject UserTransaction transaction;

  @Inject
  @ConfigProperty(name = "test.simulator.control")
  String control;

  /** Agents 10001..11010 in the directory: odd ids in Billing (alice), even in Sales (bob). */
  @BeforeEach
  void world() throws Exception {
    BulkWorld.prepare(control, directoryImport, sessions, HOSTED + 10);
  }

  @Test
  void aThousandAgentsWithTransientFaultsEndWithExactlyOneOutcomeEach() throws Exception {
    call("DELETE", "requests", null);
    call(
        "PUT",
        "faults",
        "{\"failureShare\":0.1,\"failureRetcodes\":[\"100-007\",\"000-004\"],\"operations\":[\"setCustomState\"]}");
    List<Integer> agents = range(FIRST, HOSTED);
    ChangeView made =
        changes
            .submit(ChangeRequest.set(agents, 100).withConfirmation(HOSTED).withVerify(true))
            .change();
    ChangeView done = finish(made.id(), 120);

    assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
    assertThat(done.counts().total()).isEqualTo(HOSTED);
    assertThat(changes.countOutcomes(made.id(), Set.of())).isEqualTo(HOSTED);
    List<BulkOutcome> all = outcomes(made.id());
    assertThat(all.stream().map(BulkOutcome::getAgentId).distinct()).hasSize(HOSTED);
    assertThat(all).allMatch(o -> o.getStatus().isFinal());

    List<JsonObject> calls = calls("setCustomState");
    Set<Integer> transientlyFailing =
        calls.stream()
            .filter(c -> !c.getString("retcode").equals("0"))
            .map(c -> c.getInt("agentId"))
            .collect(Collectors.toSet());
    assertThat(transientlyFailing).hasSizeGreaterThan(50); // 10 % of 1,000 calls and retries
    long recovered =
        all.stream()
            .filter(o -> transientlyFailing.contains(o.getAgentId()))
            .filter(o -> o.getStatus() == OutcomeStatus.SUCCEEDED)
            .count();
    assertThat(recovered)
        .isGreaterThanOrEqualTo((long) Math.ceil(transientlyFailing.size() * 0.95));
    // no agent was called again once the gateway had accepted its change, except to re-apply it
    // in a new session (a sign-in after a missed rotation), each counted on its outcome
    Map<Integer, Long> accepted =
        calls.stream()
            .filter(c -> c.getString("retcode").equals("0"))
            .collect(Collectors.groupingBy(c -> c.getInt("agentId"), Collectors.counting()));
    Map<Integer, BulkOutcome> byAgent = byAgent(made.id());
    accepted.forEach(
        (agent, n) ->
            assertThat(n).as("agent " + agent).isEqualTo(1L + byAgent.get(agent).getReapplied()));
    assertThat(done.counts().succeeded()).isEqualTo(accepted.size());
    assertThat(done.counts().verified()).isEqualTo(done.counts().succeeded());
  }

  @Test
  void permanentFaultsAreNotRetried() throws Exception {
    call("DELETE", "requests", null);
    call("PUT", "faults", "{\"failingAgents\":{\"10011\":\"100-009\",\"10012\":\"000-002\"}}");
    ChangeView made = changes.submit(ChangeRequest.set(range(FIRST, 20), 101)).change();
    ChangeView done = finish(made.id(), 30);
    assertThat(done.counts().failed()).isEqualTo(2);
    assertThat(done.counts().succeeded()).isEqualTo(18);
    Map<Integer, BulkOutcome> byAgent = byAgent(made.id());
    assertThat(byAgent.get(10011).getRetcode()).isEqualTo("100-009");
    assertThat(byAgent.get(10011).getAttempts()).isEqualTo(1);
    assertThat(byAgent.get(10012).getRetcode()).isEqualTo("000-002");
    assertThat(calls("setCustomState").stream().filter(c -> c.getInt("agentId") == 10011))
        .hasSize(1);
  }

  @Test
  void staleSessionsMidRunAreRenewedOnceOrReportedClearly() throws Exception {
    // hosted agents whose gateway session ended: the pool signs them in again
    for (int id = 10031; id <= 10035; id++) {
      call("POST", "agents/" + id + "/signout", null);
    }
    // relayed agents with Guids the gateway does not know: the console must not renew them
    String desk = "desk-relay-" + System.nanoTime() % 1_000_000;
    relayClients.create(desk); // unrestricted scope: a relay client relays only within its scope
    TestCaller.as(desk, Role.RELAY);
    for (int id = 11001; id <= 11003; id++) {
      relay.register(id, "00000000-0000-0000-0000-00000000000" + (id - 11000), null, 2, null);
    }
    TestCaller.as("admin", Role.ADMIN);
    List<Integer> agents = new ArrayList<>(range(10031, 5));
    agents.addAll(List.of(11001, 11002, 11003));
    ChangeView made = changes.submit(ChangeRequest.set(agents, 102)).change();
    ChangeView done = finish(made.id(), 60);
    Map<Integer, BulkOutcome> byAgent = byAgent(made.id());
    for (int id = 10031; id <= 10035; id++) {
      BulkOutcome o = byAgent.get(id);
      assertThat(o.getStatus())
          .as("agent %d: %s %s; its calls: %s", id, o.getRetcode(), o.getReason(), calls(id))
          .isEqualTo(OutcomeStatus.SUCCEEDED);
      // one call if the pool's own poll noticed the end first and signed in again, else two
      assertThat(o.getAttempts()).isBetween(1, 2);
    }
    for (int id = 11001; id <= 11003; id++) {
      BulkOutcome o = byAgent.get(id);
      assertThat(o.getStatus()).isEqualTo(OutcomeStatus.FAILED);
      assertThat(o.getRetcode()).isEqualTo("100-006");
      assertThat(o.getReason())
          .startsWith("Session stale")
          .contains("renewed only by the agent's desktop")
          .doesNotContain("00000000");
    }
    assertThat(done.counts().total()).isEqualTo(8);
  }

  /**
   * Issue 19, relayed sessions: the console a desktop last pushed to holds the agent's session, the
   * database records which console that is (never the Guid), and the agent's call is claimed by
   * that console only: this console, leading the change, leaves an agent pushed to another live
   * console pending, and that console's claim takes exactly it.
   *
   * <p>Why one method: one scenario on one change, each check at the moment the step before
   * reached; split, each part would build the change again.
   */
  @Test
  void aRelayedAgentIsCalledOnlyByTheConsoleItsDesktopLastPushedTo() throws Exception {
    String desk = "desk-relay-" + System.nanoTime() % 1_000_000;
    relayClients.create(desk);
    TestCaller.as(desk, Role.RELAY);
    relay.register(11006, "00000000-0000-0000-0000-000000000006", null, 2, null);
    relay.register(11007, "00000000-0000-0000-0000-000000000007", null, 2, null);
    TestCaller.as("admin", Role.ADMIN);
    String me = consoleId.get();
    await(
        () -> me.equals(holder(11006)) && me.equals(holder(11007)),
        20,
        "hold records of the relayed sessions pushed here");
    assertThat(sql("select count(*) from session_hold where console_id = '" + me + "'"))
        .as("no Guid in the records")
        .isNotEqualTo("0");
    // 11007's desktop then pushed to console "other", which is alive: its record names "other"
    Instant now = Instant.now();
    cluster.beat("other/1", "other", now, now.plusSeconds(120), "CLOSED");
    update("update session_hold set console_id = 'other' where agent_id = 11007");
    try {
      ChangeView made = changes.submit(ChangeRequest.set(List.of(11006, 11007), 121)).change();
      await(
          () -> byAgent(made.id()).get(11006).getStatus().isFinal(),
          30,
          "this console's call for the agent relayed here");
      // relayed here with a Guid the gateway does not know: called here, and refused as stale
      assertThat(byAgent(made.id()).get(11006).getRetcode()).isEqualTo("100-006");
      // four seconds of this console leading the change (its claims run every 250 ms)
      Awaitility.await("the agent relayed to the other console, left to it")
          .pollInSameThread() // as the test's caller
          .during(Duration.ofSeconds(4))
          .atMost(Duration.ofSeconds(10))
          .until(() -> byAgent(made.id()).get(11007).getStatus() == OutcomeStatus.PENDING);
      Ownership other =
          new Ownership(
              false,
              Set.of(),
              16,
              List.of(new RelayScope.Range(FIRST, FIRST + HOSTED - 1)),
              "other");
      List<AgentCall.Work> claimed = claims.claim(made.id(), 10, true, other, false, "other/1");
      assertThat(claimed).extracting(AgentCall.Work::agentId).containsExactly(new AgentId(11007));
      recorder.record(
          List.of(
              new AgentResult(
                  claimed.get(0).outcomeId(),
                  new AgentId(11007),
                  StateTarget.set(121),
                  OutcomeStatus.SUCCEEDED,
                  true,
                  "0",
                  null,
                  1,
                  0)),
          "other/1");
      ChangeView done = finish(made.id(), 30);
      assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
      assertThat(done.counts().succeeded()).isEqualTo(1);
      assertThat(byAgent(made.id()).get(11007).getStatus()).isEqualTo(OutcomeStatus.SUCCEEDED);
    } finally {
      update("delete from cluster_member where instance_id = 'other/1'");
      update("delete from session_hold where console_id = 'other'");
    }
  }

  String holder(int agent) {
    return sql("select console_id from session_hold where agent_id = " + agent);
  }

  /** One value of one row (or "" for none), read straight from the database. */
  String sql(String query) {
    try (var c = database.dataSource().getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : "";
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void update(String statement) throws Exception {
    try (var c = database.dataSource().getConnection();
        var st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @Test
  void aGatewayOutageOpensTheBreakerAndTheChangeWaitsInsteadOfHammering() throws Exception {
    call("DELETE", "requests", null);
    call(
        "PUT",
        "faults",
        "{\"httpErrorShare\":1.0,\"httpStatus\":503,\"operations\":[\"setCustomState\"]}");
    ChangeView made = changes.submit(ChangeRequest.set(range(10101, 300), 110)).change();
    await(() -> changes.get(made.id()).status() == ChangeStatus.PAUSED, 30, "a paused change");
    // it stays paused: the breaker half-opens every second, a probe, not a flood
    Awaitility.await("the change paused for 2.5 s")
        .pollInSameThread() // as the test's caller
        .during(Duration.ofMillis(2_500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> changes.get(made.id()).status() == ChangeStatus.PAUSED);
    long during = calls("setCustomState").size();
    assertThat(during).isLessThan(120); // 300 agents x 5 attempts would be 1,500
    assertThat(changes.get(made.id()).statusDetail()).contains("gateway is unreachable");
    call("DELETE", "faults", null);
    ChangeView done = finish(made.id(), 60);
    assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
    assertThat(done.counts().succeeded()).isEqualTo(300);
  }

  /**
   * Why one method: one scenario on one change, each check at the moment the step before reached;
   * split, each part would build the change again.
   */
  @Test
  void anInterruptedChangeIsReconciledByReadingBackBeforeAnythingIsResent() throws Exception {
    // a change as a crashed instance leaves it: 10 done, 20 in flight, 10 pending, lease expired
    List<BulkStore.Planned> planned = new ArrayList<>();
    for (int id = 10401; id <= 10440; id++) {
      boolean done = id <= 10410;
      planned.add(
          new BulkStore.Planned(
              id,
              "Agent " + id,
              "Billing",
              StateTarget.set(120),
              null,
              true,
              done ? OutcomeStatus.SUCCEEDED : OutcomeStatus.PENDING,
              done ? "succeeded before the crash" : null));
    }
    Instant now = Instant.now();
    // the instance that will crash, alive while it claims and calls
    cluster.beat("crashed-instance", "crashed", now, now.plusSeconds(30), "CLOSED");
    // its change appears as that instance would leave it, leased and running, in one
    // transaction: this console's sweep (every 2 s) took a change it saw before the lease, or
    // claimed the crashed instance's agents as a follower before it had
    BulkChange crashed =
        BulkWorld.runningChange("crashed-instance", now.plusSeconds(30), planned.size());
    // the record starts before the change is visible: from the commit on, this console's sweep
    // may join it at once and call the pending agents it holds (10431..10440, as a follower),
    // and a record cleared after that would lose those calls (a whole run saw 0 for 10431)
    call("DELETE", "requests", null);
    transaction.begin();
    long id;
    try {
      id = store.create(crashed, planned).getId();
      assertThat(claims.remaining(id)).isEqualTo(30); // a query: rows are flushed for the claim
      assertThat(
              claims.claim(
                  id,
                  20,
                  true,
                  // a console like this one: every configured hosted agent is its own
                  new Ownership(
                      true,
                      Set.of(),
                      1,
                      List.of(new RelayScope.Range(FIRST, FIRST + HOSTED - 1)),
                      "crashed"),
                  true,
                  "crashed-instance"))
          .hasSize(20); // 10411..10430 in flight
      transaction.commit();
    } catch (Exception | Error e) {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) { // a failed commit ended it
        transaction.rollback();
      }
      throw e;
    }
    // half of those calls had reached the gateway before the crash
    for (int agent = 10411; agent <= 10420; agent++) {
      client.setCustomState(sessions.current(agent).orElseThrow().auth(), new CustomState(120));
    }
    // it crashes now: its heartbeat and lease vouch for it 3 s more
    Instant crash = Instant.now();
    cluster.beat("crashed-instance", "crashed", now, crash.plusSeconds(3), "CLOSED");
    assertThat(store.tryLease(id, "crashed-instance", crash.plusSeconds(3), crash)).isTrue();

    ChangeView done = finish(id, 60); // the sweep takes it up once the lease has expired
    assertThat(done.status()).isEqualTo(ChangeStatus.COMPLETED);
    assertThat(done.counts().succeeded()).isEqualTo(40);
    assertThat(done.counts().total()).isEqualTo(40);
    Set<Integer> signedInAgain = new HashSet<>();
    for (String signIn : List.of("login", "forceLogin", "loginEx")) {
      calls(signIn).forEach(c -> signedInAgain.add(c.getInt("agentId")));
    }
    Map<Integer, BulkOutcome> byAgent = byAgent(id);
    Map<Integer, Long> sent =
        calls("setCustomState").stream()
            .collect(Collectors.groupingBy(c -> c.getInt("agentId"), Collectors.counting()));
    for (int agent = 10401; agent <= 10440; agent++) {
      long before = agent >= 10411 && agent <= 10420 ? 1 : 0; // the calls made above
      long resent = sent.getOrDefault(agent, 0L) - before;
      if (agent <= 10410) {
        assertThat(resent).as("agent %d succeeded before the crash", agent).isZero();
      } else if (signedInAgain.contains(agent)) {
        // a new session (a Guid rotation missed on a loaded machine) starts without the state: if
        // it came before the read-back, the agent rightly gets the call again, once
        assertThat(resent).as("agent %d, signed in again", agent).isBetween(0L, 1L);
      } else if (agent <= 10420) {
        assertThat(resent).as("agent %d had taken the change", agent).isZero();
        assertThat(byAgent.get(agent).getReason())
            .startsWith("Confirmed by a read-back after a restart");
      } else {
        assertThat(resent).as("agent %d had not taken the change", agent).isEqualTo(1);
      }
    }
  }

  @Test
  void supervisorsActOnTheirTeamsOnlyAndADoubleSubmitMakesOneChange() throws Exception {
    TestCaller.as("alice", Role.SUPERVISOR); // demo: Billing, Technical Support, Chinese Desk
    Preview preview = changes.preview(ChangeRequest.set(List.of(10501, 10502, 5), 100));
    assertThat(preview.rows())
        .extracting(Preview.Row::agentId, Preview.Row::verdict)
        .containsExactly(
            Tuple.tuple(5, Verdict.INVALID_ID),
            Tuple.tuple(10501, Verdict.WILL_CHANGE),
            Tuple.tuple(10502, Verdict.OUT_OF_SCOPE));
    assertThat(preview.rows().get(2).name()).isNull(); // nothing of bob's agent is revealed
    // a page keeps the summary and reads rows a page at a time, in the same order, same checks
    ChangeRequest three = ChangeRequest.set(List.of(10502, 5, 10501), 100);
    assertThat(changes.previewRows(three, 1, 5))
        .extracting(Preview.Row::agentId, Preview.Row::verdict, Preview.Row::name)
        .containsExactly(
            Tuple.tuple(10501, Verdict.WILL_CHANGE, preview.rows().get(1).name()),
            Tuple.tuple(10502, Verdict.OUT_OF_SCOPE, null));
    assertThat(preview.summary().rows()).isEmpty();
    assertThat(preview.summary().total()).isEqualTo(3);

    ChangeRequest request = ChangeRequest.set(List.of(10501, 10503), 100).withKey("click-1");
    BulkChanges.Submitted first = changes.submit(request);
    BulkChanges.Submitted second = changes.submit(request);
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.change().id()).isEqualTo(first.change().id());
    finish(first.change().id(), 30);
    // counted by status in one read (the API's team-scoped totals): every outcome once
    Map<OutcomeStatus, Long> byStatus = changes.countOutcomesByStatus(first.change().id());
    assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    assertThat(byStatus.get(OutcomeStatus.PENDING)).isZero();

    assertThatThrownBy(
            () -> changes.submit(ChangeRequest.set(range(FIRST, 600), 100))) // 300 theirs, 300 not
        .isInstanceOf(ConfirmationRequiredException.class)
        .hasMessageContaining("type");

    TestCaller.as("bob", Role.SUPERVISOR); // Sales, Retention, Back Office
    long alices = first.change().id();
    assertThatThrownBy(() -> changes.get(alices)).isInstanceOf(ChangeNotFoundException.class);
    assertThatThrownBy(() -> changes.cancel(alices)).isInstanceOf(ChangeNotFoundException.class);
    assertThat(history.history(HistoryFilter.none(), 0, 100))
        .extracting(ChangeView::id)
        .doesNotContain(alices);
  }

  // ------------------------------------------------------------------------------- helpers

  static List<Integer> range(int first, int count) {
    return BulkWorld.range(first, count);
  }

  ChangeView finish(long id, int seconds) throws InterruptedException {
    await(() -> changes.get(id).finished(), seconds, "change " + id + " to finish");
    return changes.get(id);
  }

  List<BulkOutcome> outcomes(long id) {
    List<BulkOutcome> all = new ArrayList<>();
    for (int first = 0; ; first += 1000) {
      List<BulkOutcome> page = changes.outcomes(id, Set.of(), first, 1000);
      all.addAll(page);
      if (page.size() < 1000) {
        return all;
      }
    }
  }

  Map<Integer, BulkOutcome> byAgent(long id) {
    Map<Integer, BulkOutcome> map = new HashMap<>();
    outcomes(id).forEach(o -> map.put(o.getAgentId(), o));
    return map;
  }

  static void await(BooleanSupplier condition, int seconds, String what)
      throws InterruptedException {
    BulkWorld.await(condition, seconds, what);
  }

  List<JsonObject> calls(String operation) throws Exception {
    String body = call("GET", "requests?operation=" + operation + "&limit=100000", null);
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray().stream().map(JsonValue::asJsonObject).toList();
    }
  }

  /** The agent's calls at the simulator, oldest first, as the simulator logged them. */
  String calls(int agent) throws Exception {
    return call("GET", "requests?agent=" + agent + "&limit=100", null);
  }

  String call(String method, String path, String json) throws Exception {
    return BulkWorld.control(control, method, path, json);
  }
}
