package io.statedesk.core.bulk;

import static io.statedesk.core.bulk.BulkWorld.FIRST;
import static io.statedesk.core.bulk.BulkWorld.HOSTED;
import static io.statedesk.core.bulk.BulkWorld.await;
import static io.statedesk.core.bulk.BulkWorld.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryImport;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.persistence.Database;
import io.statedesk.core.schedule.ScheduleStatus;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.schedule.Schedules;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.SessionSource;
import io.statedesk.core.session.SessionStarted;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Desired states on the simulator (AUTHMODE 2, rotation on): they hold across new sessions, drift
 * from outside is reported within one background round, undo restores only what is still the
 * change's, and a scheduled change starts and reverts once. Every test ends by reading the states
 * back at the simulator.
 */
@ExtendWith(ArquillianExtension.class)
class DesiredStateIT {

  @Deployment
  static WebArchive deployment() {
    return BulkWorld.deployment().addClass(BulkWorld.class);
  }

  @Inject BulkChanges changes;
  @Inject ChangeHistory history;
  @Inject Schedules schedules;
  @Inject AgentDirectory directory;
  @Inject DirectoryImport directoryImport;
  @Inject AgentSessions sessions;
  @Inject GatewayClient client;
  @Inject Event<SessionStarted> sessionStarted;
  @Inject ReconcileCycle cycle;
  @Inject AuditLog audit;
  @Inject BulkStore store;
  @Inject DesiredStore desired;
  @Inject Database database;

  @Inject
  @ConfigProperty(name = "test.simulator.control")
  String control;

  @BeforeEach
  void world() throws Exception {
    BulkWorld.prepare(control, directoryImport, sessions, HOSTED);
  }

  @Test
  void aThousandAgentsHoldTheirStateWhenAHundredSessionsAreDropped() throws Exception {
    ChangeView made =
        changes
            .submit(ChangeRequest.set(range(FIRST, HOSTED), 111).withConfirmation(HOSTED))
            .change();
    assertThat(finish(made.id(), 120).counts().succeeded()).isEqualTo(HOSTED);
    call("DELETE", "requests", null);
    for (int id = FIRST; id < FIRST + 100; id++) {
      call("POST", "agents/" + id + "/signout", null); // as an idle or forced sign-out
    }
    await(() -> changes.get(made.id()).counts().reapplied() >= 100, 30, "100 re-applied");
    for (int id = FIRST; id < FIRST + HOSTED; id++) {
      assertThat(simulatorState(id)).as("agent " + id).isEqualTo(111);
    }
    // the 100, and any agent the pool had to sign in again meanwhile (a Guid rotation missed on a
    // loaded machine): every new session lost the state and got it back, counted once
    long reapplied = changes.get(made.id()).counts().reapplied();
    Set<Integer> signedIn = new HashSet<>();
    for (String op : List.of("login", "forceLogin", "loginEx")) {
      try (var reader =
          Json.createReader(
              new StringReader(call("GET", "requests?operation=" + op + "&limit=100000", null)))) {
        reader.readArray().forEach(v -> signedIn.add(v.asJsonObject().getInt("agentId")));
      }
    }
    assertThat(signedIn).containsAll(range(FIRST, 100));
    assertThat(reapplied).isBetween(100L, (long) signedIn.size());
  }

  /**
   * An agent's desired state is the layer made last, whatever its id: two consoles take ids from
   * the sequence in blocks of 500, so a layer made later on one can have a lower id than a layer
   * made earlier on the other. Ordered by id, the older change's state came back (re-applied in a
   * new session, the cluster soak of session 10); so are the undo links.
   */
  @Test
  void theNewestLayerIsTheOneMadeLastWhateverItsId() throws Exception {
    int agent = 12_345; // in no test's directory: nothing calls it
    long earlier = completedChange(agent);
    long later = completedChange(agent);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement st =
            c.prepareStatement(
                "insert into desired_layer (id, agent_id, change_id, code, set_by, since)"
                    + " values (?, ?, ?, ?, 'test', ?)")) {
      // the later layer with an id below every block the sequence gives, the earlier above them
      for (Object[] layer :
          List.of(
              new Object[] {-7L, later, 102, now},
              new Object[] {2_000_000_000L, earlier, 101, now.minusSeconds(3600)})) {
        st.setLong(1, (Long) layer[0]);
        st.setInt(2, agent);
        st.setLong(3, (Long) layer[1]);
        st.setInt(4, (Integer) layer[2]);
        st.setTimestamp(5, Timestamp.from((Instant) layer[3]));
        st.executeUpdate();
      }
    }
    try {
      assertThat(desired.top(agent).orElseThrow().changeId()).isEqualTo(later);
      assertThat(desired.top(List.of(agent)).get(agent).changeId()).isEqualTo(later);
      assertThat(desired.below(List.of(agent), later).get(agent).changeId()).isEqualTo(earlier);
    } finally {
      desired.remove(earlier);
      desired.remove(later);
    }
  }

  /** A finished change of one skipped agent, made now: only its id and time matter here. */
  long completedChange(int agent) {
    BulkChange change = BulkWorld.runningChange("test/1", Instant.now().plusSeconds(60), 1);
    long id =
        store
            .create(
                change,
                List.of(
                    new BulkStore.Planned(
                        agent,
                        "Agent",
                        "Billing",
                        StateTarget.set(101),
                        null,
                        true,
                        OutcomeStatus.SKIPPED,
                        null)))
            .getId();
    store.status(id, ChangeStatus.COMPLETED, "test");
    return id;
  }

  @Test
  void aNewSessionGetsTheDesiredStateBack() throws Exception {
    List<Integer> agents = range(10601, 3);
    ChangeView made = changes.submit(ChangeRequest.set(agents, 120)).change();
    finish(made.id(), 30);
    for (int id : agents) {
      String before = sessions.current(id).orElseThrow().guid();
      call("POST", "agents/" + id + "/signout", null);
      await(
          () -> sessions.current(id).map(h -> !h.guid().equals(before)).orElse(false),
          30,
          "agent " + id + " signed in again");
      // the event the session layer fires for a new session (fired here too: one more is harmless)
      sessionStarted.fireAsync(
          new SessionStarted(id, SessionSource.HOSTED, Instant.now(), "test: signed in again"));
    }
    await(() -> changes.get(made.id()).counts().reapplied() >= 3, 30, "3 re-applied");
    for (int id : agents) {
      assertThat(simulatorState(id)).isEqualTo(120);
    }
  }

  @Test
  void aStateSetOutsideStateDeskIsReportedAsDriftWithinOneRound() throws Exception {
    List<Integer> agents = range(10701, 10);
    ChangeView made = changes.submit(ChangeRequest.set(agents, 121)).change();
    finish(made.id(), 30);
    long passes = cycle.wraps();
    for (int id : List.of(10701, 10702)) {
      client.setCustomState(
          sessions.current(id).orElseThrow().auth(), new CustomState(122)); // the agent's desktop
    }
    // reported within one whole pass of the background read-back: before the second end of a
    // pass from now (each pass reads every agent with a desired state once)
    try {
      await(() -> changes.get(made.id()).counts().drifted() == 2, 120, "2 drifted");
      assertThat(cycle.wraps()).as("passes ended since the change").isLessThanOrEqualTo(passes + 2);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + diagnosis(agents), e);
    }
    assertThat(directory.find(10701).orElseThrow().getDriftState()).isEqualTo(122);
    assertThat(simulatorState(10701)).isEqualTo(122); // reported, not overwritten (the default)
    assertThat(simulatorState(10703)).isEqualTo(121);
    assertThat(changes.get(made.id()).counts().held()).isEqualTo(8);
  }

  @Test
  void undoAfterASecondChangeOnHalfTheAgentsRestoresOnlyTheOtherHalf() throws Exception {
    List<Integer> agents = range(10801, 20);
    Map<Integer, Integer> before = statesBefore(agents);
    ChangeView first = changes.submit(ChangeRequest.set(agents, 130)).change();
    finish(first.id(), 30);
    ChangeView second = changes.submit(ChangeRequest.set(range(10811, 10), 131)).change();
    finish(second.id(), 30);

    BulkChanges.Submitted undo = changes.undo(first.id(), "undo-" + first.id());
    assertThat(changes.undo(first.id(), "undo-" + first.id()).change().id())
        .isEqualTo(undo.change().id()); // a double click makes one undo
    ChangeView done = finish(undo.change().id(), 30);
    assertThat(done.note()).contains("10 agent(s) changed since");
    assertThat(done.counts().succeeded()).isEqualTo(10);
    List<BulkOutcome> left = changes.outcomes(done.id(), Set.of(OutcomeStatus.SKIPPED), 0, 100);
    assertThat(left).hasSize(10);
    assertThat(left)
        .allSatisfy(
            o ->
                assertThat(o.getReason())
                    .contains("Changed since by change " + second.id())
                    .contains("admin"));
    for (int id = 10801; id <= 10810; id++) {
      assertThat(simulatorState(id)).as("agent " + id).isEqualTo(before.get(id));
    }
    for (int id = 10811; id <= 10820; id++) {
      assertThat(simulatorState(id)).as("agent " + id).isEqualTo(131);
    }
  }

  @Test
  void aScheduledChangeStartsAndRevertsOnceEach() throws Exception {
    List<Integer> agents = range(10901, 10);
    Map<Integer, Integer> before = statesBefore(agents);
    // the API's precision is the second
    Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
    ChangeRequest request = ChangeRequest.set(agents, 140).withKey("schedule-test");
    ScheduleView made =
        schedules
            .schedule(new Schedules.ScheduleRequest(request, start, null, Duration.ofSeconds(6)))
            .schedule();
    assertThat(
            schedules.schedule(new Schedules.ScheduleRequest(request, start, null, null)).created())
        .isFalse();
    assertThat(schedules.get(made.id()).revertAt())
        .isEqualTo(start.plusSeconds(6)); // the same key scheduled once
    await(
        () -> schedules.get(made.id()).changeId() != null,
        20,
        "the start",
        () -> schedules.get(made.id()));
    assertThat(Instant.now()).isAfterOrEqualTo(start);
    long change = schedules.get(made.id()).changeId();
    finish(change, 30);
    for (int id : agents) {
      assertThat(simulatorState(id)).isEqualTo(140);
    }
    await(
        () -> schedules.get(made.id()).status() == ScheduleStatus.DONE,
        30,
        "the revert",
        () -> schedules.get(made.id()));
    ScheduleView done = schedules.get(made.id());
    assertThat(done.revertChangeId()).isNotNull();
    for (int id : agents) {
      assertThat(simulatorState(id)).as("agent " + id).isEqualTo(before.get(id));
    }
    long made140 =
        history.history(HistoryFilter.none(), 0, 500).stream()
            .filter(c -> c.note() != null && c.note().startsWith("Scheduled change " + made.id()))
            .count();
    assertThat(made140).isEqualTo(1);
  }

  // ------------------------------------------------------------------------------- helpers

  /** Gives the agents a known state (102) by an earlier change, and reads it back. */
  Map<Integer, Integer> statesBefore(List<Integer> agents) throws Exception {
    finish(changes.submit(ChangeRequest.set(agents, 102)).change().id(), 30);
    Map<Integer, Integer> before = new HashMap<>();
    for (int id : agents) {
      before.put(id, simulatorState(id));
    }
    assertThat(before.values()).as(() -> diagnosis(agents)).containsOnly(102);
    return before;
  }

  ChangeView finish(long id, int seconds) throws InterruptedException {
    await(() -> changes.get(id).finished(), seconds, "change " + id + " to finish");
    return changes.get(id);
  }

  /** What the console knows of the agents: background totals, outcomes and history. */
  String diagnosis(List<Integer> agents) {
    StringBuilder d = new StringBuilder("cycle: " + cycle.totals());
    for (int id : agents) {
      d.append("\nagent ").append(id).append(": ");
      audit
          .about("agent " + id, 5)
          .forEach(e -> d.append(e.getAction()).append(' ').append(e.getDetail()).append("; "));
      try {
        d.append(" simulator ").append(simulatorState(id));
      } catch (Exception e) {
        d.append(e);
      }
    }
    return d.toString();
  }

  /** The custom state the simulator holds for the agent, or -1 for none. */
  int simulatorState(int agent) throws Exception {
    try (var reader = Json.createReader(new StringReader(call("GET", "agents/" + agent, null)))) {
      JsonObject o = reader.readObject();
      int state = o.getInt("customState");
      return state <= 0 ? -1 : state;
    }
  }

  String call(String method, String path, String json) throws Exception {
    return BulkWorld.control(control, method, path, json);
  }
}
