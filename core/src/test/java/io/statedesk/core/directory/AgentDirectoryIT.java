package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.Deployments;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.Availability;
import io.statedesk.core.testing.SharedServer;
import io.statedesk.core.testing.TestDatabase;
import io.statedesk.core.testsupport.TestCaller;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.naming.InitialContext;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory with 50,000 agents on Payara Micro's H2: sync writes, scoped paging, filters.
 *
 * <p>Why one class of this length: its tests share 50,000 agents loaded once; a second class would
 * load them again.
 */
@SharedServer
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class AgentDirectoryIT {

  static final String[] TEAMS = {
    "Billing", "Technical Support", "Sales", "Retention", "Chinese Desk"
  };
  static final GatewayState[] STATES = {
    GatewayState.IDLE, GatewayState.TALKING, GatewayState.BUSY, GatewayState.WORK
  };

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("statedesk.demo.enabled=true");
  }

  @Inject AgentDirectory directory;
  @Inject DirectoryImport directoryImport;
  @Inject DirectoryStates states;
  @Inject TeamSummaries teamSummaries;

  static boolean loaded;

  static DirectoryEntry entry(int i) {
    return new DirectoryEntry(
        100_001 + i,
        "Agent " + i,
        TEAMS[i % TEAMS.length],
        i % 3 == 0 ? List.of("Voice EN", "Chat") : List.of("Voice EN"),
        STATES[i % STATES.length],
        null);
  }

  @BeforeEach
  void fiftyThousandAgents() {
    TestCaller.as("ada", Role.ADMIN);
    if (!loaded) {
      List<DirectoryEntry> entries = new ArrayList<>();
      for (int i = 0; i < 50_000; i++) {
        entries.add(entry(i));
      }
      SyncResult first = directoryImport.replaceFromGateway(entries, "test");
      assertThat(first.added()).isEqualTo(50_000);
      loaded = true;
    }
  }

  @Test
  void aSecondSyncUpdatesAndRemovesInOneGo() {
    List<DirectoryEntry> fewer = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      if (i != 7) {
        fewer.add(entry(i));
      }
    }
    SyncResult second = directoryImport.replaceFromGateway(fewer, "test");
    assertThat(second.removed()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(49_999);
    fewer.add(entry(7));
    assertThat(directoryImport.replaceFromGateway(fewer, "test").added()).isEqualTo(1);
  }

  @Test
  void adminsPageThroughEverything() {
    assertThat(directory.count(AgentFilter.none())).isEqualTo(50_000);
    List<DirectoryAgent> page3 = directory.page(AgentFilter.none(), "agentId", true, 200, 100);
    assertThat(page3)
        .hasSize(100)
        .first()
        .satisfies(a -> assertThat(a.getAgentId()).isEqualTo(100_201));
    assertThat(directory.page(AgentFilter.none(), "name", false, 0, 5)).hasSize(5);
  }

  @Test
  void supervisorsSeeOnlyTheirTeams() {
    TestCaller.as("alice", Role.SUPERVISOR);
    long visible = directory.count(AgentFilter.none());
    assertThat(visible).isEqualTo(30_000);
    assertThat(directory.page(AgentFilter.none(), "agentId", true, 0, 1000))
        .allSatisfy(
            a -> assertThat(a.getTeam()).isIn("Billing", "Technical Support", "Chinese Desk"));
    assertThat(directory.count(new AgentFilter(Set.of("Sales"), null, Set.of(), null, null)))
        .as("a team outside her scope gives nothing, even when asked for")
        .isZero();
    TestCaller.as("nobody-with-teams", Role.SUPERVISOR);
    assertThat(directory.count(AgentFilter.none())).isZero();
  }

  /** Free text within a supervisor's scope: her teams only, a team filter narrows the search. */
  @Test
  void aSupervisorsSearchStaysWithinHerTeams() {
    TestCaller.as("alice", Role.SUPERVISOR);
    Set<String> hers = Set.of("Billing", "Technical Support", "Chinese Desk");
    for (String text : List.of("agent 4999", "AGENT 12", "100042", "100043")) {
      AgentFilter search = new AgentFilter(Set.of(), null, Set.of(), null, text);
      List<Integer> expected =
          IntStream.range(0, 50_000)
              .mapToObj(AgentDirectoryIT::entry)
              .filter(e -> hers.contains(e.team()))
              .filter(
                  e ->
                      e.name().toLowerCase().contains(text.toLowerCase())
                          || Integer.toString(e.agentId()).equals(text))
              .map(DirectoryEntry::agentId)
              .toList();
      assertThat(directory.count(search)).as("count of %s", text).isEqualTo(expected.size());
      assertThat(directory.page(search, "agentId", true, 0, 1000))
          .as("page of %s", text)
          .extracting(DirectoryAgent::getAgentId)
          .containsExactlyElementsOf(expected);
    }
    // a search's page in another order, from an offset: its ids are found first, its rows after
    AgentFilter twelve = new AgentFilter(Set.of(), null, Set.of(), null, "agent 12");
    List<Integer> byNameDescending =
        IntStream.range(0, 50_000)
            .mapToObj(AgentDirectoryIT::entry)
            .filter(e -> hers.contains(e.team()) && e.name().startsWith("Agent 12"))
            .sorted(Comparator.comparing(DirectoryEntry::name).reversed())
            .map(DirectoryEntry::agentId)
            .toList();
    assertThat(directory.page(twelve, "name", false, 5, 20))
        .as("page 2 of 'agent 12' by name, descending")
        .extracting(DirectoryAgent::getAgentId)
        .containsExactlyElementsOf(byNameDescending.subList(5, 25));
    assertThat(directory.count(new AgentFilter(Set.of("Sales"), null, Set.of(), null, "agent")))
        .as("a team outside her scope gives nothing, with text too")
        .isZero();
    assertThat(directory.count(new AgentFilter(Set.of("Billing"), null, Set.of(), null, "agent 4")))
        .as("a team filter narrows her search")
        .isEqualTo(
            IntStream.range(0, 50_000)
                .mapToObj(AgentDirectoryIT::entry)
                .filter(e -> "Billing".equals(e.team()) && e.name().startsWith("Agent 4"))
                .count());
  }

  @Test
  void adminsSeeEveryTeamWithItsAgentsSessionsAndSupervisors() {
    states.applyAvailability(
        Map.of(
            100_001,
            Availability.HOSTED,
            100_006,
            Availability.RELAYED,
            100_011,
            Availability.STALE));
    try {
      Map<String, TeamSummary> byName = new HashMap<>();
      teamSummaries.all().forEach(t -> byName.put(t.team(), t));
      assertThat(byName.get("Billing"))
          .isEqualTo(new TeamSummary("Billing", 10_000, 2, List.of("alice")));
      assertThat(byName.get("Sales").supervisors()).containsExactly("bob");
      assertThat(byName.get("Sales").unknown()).isFalse();
      // the demo assigns bob to Back Office, which no agent of this directory is in
      assertThat(byName.get("Back Office"))
          .satisfies(t -> assertThat(t.unknown()).isTrue())
          .satisfies(t -> assertThat(t.supervisors()).containsExactly("bob"));
      assertThat(byName).hasSize(TEAMS.length + 1);
    } finally {
      Map<Integer, Availability> none = new HashMap<>();
      none.put(100_001, null);
      none.put(100_006, null);
      none.put(100_011, null);
      states.applyAvailability(none);
    }
    TestCaller.as("alice", Role.SUPERVISOR);
    assertThatThrownBy(teamSummaries::all).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void anImportPreviewCountsNewAndKnownAgentsAndWritesNothing() {
    byte[] file =
        ("agent_id,name,team,skills,phone\n"
                + "100001,Agent 0,Billing,,\n"
                + "160001,New One,Night Desk,Chat,7001\n"
                + "160002,New Two,Night Desk,,\n")
            .getBytes(StandardCharsets.UTF_8);
    ImportPreview preview = directoryImport.previewCsv(file);
    assertThat(preview.problems()).isEmpty();
    assertThat(preview.added()).isEqualTo(2);
    assertThat(preview.updated()).isEqualTo(1);
    assertThat(preview.teams()).containsExactly("Billing", "Night Desk");
    assertThat(preview.applicable()).isTrue();
    assertThat(directory.count(new AgentFilter(Set.of("Night Desk"), null, Set.of(), null, null)))
        .as("a preview writes nothing")
        .isZero();

    ImportPreview bad =
        directoryImport.previewCsv(
            "agent_id,name,team\n5,Too Low,Billing\n".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.problems()).extracting(DirectoryCsv.Problem::line).containsExactly(2);
    assertThat(bad.applicable()).isFalse();

    TestCaller.as("alice", Role.SUPERVISOR);
    assertThatThrownBy(() -> directoryImport.previewCsv(file))
        .isInstanceOf(AccessDeniedException.class);
  }

  /**
   * An admin's import and session availability writes of the same 500 agents, racing in opposite
   * orders (the file ascending and the sessions descending, then the other way round), all commit:
   * every writer locks the rows in one order ({@link DirectoryRowLocks}). Written in opposite
   * orders they wait for each other until the database ends one (CI, session 10: "deadlock
   * detected" on PostgreSQL ended a sync that raced the hosted sessions' feed).
   */
  @Test
  void anImportAndSessionWritesOfTheSameAgentsRacingInOppositeOrdersAllCommit() throws Exception {
    List<Integer> agents = IntStream.range(1000, 1500).mapToObj(i -> entry(i).agentId()).toList();
    ManagedExecutorService pool =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    AtomicBoolean over = new AtomicBoolean();
    AtomicInteger rounds = new AtomicInteger();
    Future<?> sessions =
        pool.submit(
            () -> {
              while (!over.get()) {
                boolean down = rounds.get() % 2 == 0;
                states.applyAvailability(ordered(agents, down, Availability.STALE));
                states.applyAvailability(ordered(agents, down, null));
                rounds.incrementAndGet();
              }
              return null;
            });
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rounds.get() > 0);
      for (int round = 0; round < 4; round++) {
        StringBuilder file = new StringBuilder("agent_id,name,team,skills,phone\n");
        List<Integer> order = new ArrayList<>(agents);
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        for (int id : order) {
          DirectoryEntry e = entry(id - 100_001);
          file.append(id)
              .append(',')
              .append(e.name())
              .append(round % 2 == 0 ? " (renamed)" : "")
              .append(',')
              .append(e.team())
              .append(',')
              .append(String.join("|", e.skills()))
              .append(",\n");
        }
        SyncResult imported =
            directoryImport.importCsv(file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.updated()).isEqualTo(agents.size());
      }
    } finally {
      over.set(true);
    }
    try {
      sessions.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the session writes failed: " + e.getCause(), e.getCause());
    }
    assertThat(rounds.get()).as("session writes while the imports ran").isGreaterThan(1);
    assertThat(directory.find(agents.get(0)).orElseThrow().getName()).isEqualTo("Agent 1000");
    assertThat(
            directory.count(
                new AgentFilter(Set.of(), null, Set.of(), null, null, Set.of(Availability.STALE))))
        .isZero();
  }

  /** Each agent with {@code value}, in descending or ascending id order. */
  static Map<Integer, Availability> ordered(
      List<Integer> agents, boolean descending, Availability value) {
    List<Integer> order = new ArrayList<>(agents);
    if (descending) {
      Collections.reverse(order);
    }
    Map<Integer, Availability> values = new LinkedHashMap<>();
    order.forEach(id -> values.put(id, value));
    return values;
  }

  /**
   * A desired-state read-back records the state, a drift, and no drift again, on every database: on
   * PostgreSQL a bound null for {@code drift_at} failed every read-back that found no drift.
   */
  @Test
  void readBacksRecordAndClearADriftOnEveryDatabase() {
    states.recordReadBack(100_013, 110, false);
    DirectoryAgent read = directory.find(100_013).orElseThrow();
    assertThat(read.getCustomState()).isEqualTo(110);
    assertThat(read.getCustomStateVerifiedAt()).isNotNull();
    assertThat(read.isDrifted()).isFalse();
    states.recordReadBack(100_013, 111, true);
    read = directory.find(100_013).orElseThrow();
    assertThat(read.getDriftState()).isEqualTo(111);
    assertThat(read.isDrifted()).isTrue();
    states.recordReadBack(100_013, null, false); // the other tests count agents without a state
    read = directory.find(100_013).orElseThrow();
    assertThat(read.getCustomState()).isNull();
    assertThat(read.getDriftState()).isNull();
    assertThat(read.isDrifted()).isFalse();
  }

  @Test
  void aReadBackAskedBeforeAChangeSetTheAgentDoesNotOverwriteIt() {
    Instant asked = Instant.now();
    states.applySetStates(Map.of(100_011, 110), Set.of(100_011)); // set after asking
    int written =
        states.applyCustomStates(
            Map.of(
                100_011, new ReadState(101, asked),
                100_012, new ReadState(101, asked)));
    assertThat(written).isEqualTo(1);
    assertThat(directory.find(100_011).orElseThrow().getCustomState()).isEqualTo(110);
    assertThat(directory.find(100_012).orElseThrow().getCustomState()).isEqualTo(101);
    assertThat(directory.find(100_012).orElseThrow().getCustomStateVerifiedAt())
        .isBetween(asked.minusMillis(1), asked.plusMillis(1));
    // the other tests count the agents without a custom state
    Map<Integer, Integer> none = new HashMap<>();
    none.put(100_011, null);
    none.put(100_012, null);
    states.applySetStates(none, Set.of()); // as the database keeps it
  }

  /** A live session means signed in: a recorded sign-out gives way, a precise state does not. */
  @Test
  void anAgentWhoseSessionIsLiveIsNoLongerShownSignedOut() {
    Map<Integer, GatewayState> before = new HashMap<>();
    for (int id : List.of(100_021, 100_022, 100_023)) {
      before.put(id, directory.find(id).orElseThrow().getGatewayState());
    }
    states.applyStates(
        Map.of(
            100_021, GatewayState.SIGNED_OUT,
            100_022, GatewayState.BUSY,
            100_023, GatewayState.SIGNED_OUT));
    try {
      states.applyAvailability(
          Map.of(
              100_021,
              Availability.HOSTED,
              100_022,
              Availability.RELAYED,
              100_023,
              Availability.STALE));
      assertThat(directory.find(100_021).orElseThrow().getGatewayState())
          .isEqualTo(GatewayState.SIGNED_IN);
      assertThat(directory.find(100_022).orElseThrow().getGatewayState())
          .isEqualTo(GatewayState.BUSY);
      assertThat(directory.find(100_023).orElseThrow().getGatewayState())
          .isEqualTo(GatewayState.SIGNED_OUT);

      // a sync that read the hosted agent signed out (before the console signed it in again)
      List<DirectoryEntry> entries = new ArrayList<>();
      for (int i = 0; i < 50_000; i++) {
        DirectoryEntry e = entry(i);
        entries.add(
            e.agentId() == 100_021 || e.agentId() == 100_023
                ? new DirectoryEntry(
                    e.agentId(), e.name(), e.team(), e.skills(), GatewayState.SIGNED_OUT, null)
                : e);
      }
      directoryImport.replaceFromGateway(entries, "test");
      assertThat(directory.find(100_021).orElseThrow().getGatewayState())
          .isEqualTo(GatewayState.SIGNED_IN);
      assertThat(directory.find(100_023).orElseThrow().getGatewayState())
          .isEqualTo(GatewayState.SIGNED_OUT);
    } finally {
      Map<Integer, Availability> none = new HashMap<>();
      before.keySet().forEach(id -> none.put(id, null));
      states.applyAvailability(none);
      states.applyStates(before);
    }
  }

  @Test
  void sessionAvailabilityFiltersInSql() {
    states.applyAvailability(
        Map.of(
            100_001,
            Availability.HOSTED,
            100_002,
            Availability.RELAYED,
            100_003,
            Availability.STALE));
    assertThat(withSessions(Availability.HOSTED)).isEqualTo(1);
    assertThat(withSessions(Availability.HOSTED, Availability.RELAYED)).isEqualTo(2);
    assertThat(withSessions(Availability.NONE)).isEqualTo(49_997);
    assertThat(withSessions(Availability.NONE, Availability.STALE)).isEqualTo(49_998);
    Map<Integer, Availability> none = new HashMap<>();
    none.put(100_001, null);
    none.put(100_002, null);
    none.put(100_003, null);
    states.applyAvailability(none);
  }

  private long withSessions(Availability... sessions) {
    return directory.count(new AgentFilter(Set.of(), null, Set.of(), null, null, Set.of(sessions)));
  }

  @Test
  void filtersCombine() {
    AgentFilter talkingBilling =
        new AgentFilter(Set.of("Billing"), null, Set.of(GatewayState.TALKING), null, null);
    long n = directory.count(talkingBilling);
    assertThat(n).isPositive();
    assertThat(directory.ids(talkingBilling)).hasSize((int) n);
    assertThat(directory.count(new AgentFilter(Set.of(), "Chat", Set.of(), null, null)))
        .isBetween(15_000L, 18_000L);
    assertThat(directory.count(new AgentFilter(Set.of(), null, Set.of(), null, "100042")))
        .isEqualTo(1);
    assertThat(directory.count(new AgentFilter(Set.of(), null, Set.of(), null, "agent 4999")))
        .isEqualTo(11);
    states.recordCustomState(100_001, 100);
    assertThat(directory.count(new AgentFilter(Set.of(), null, Set.of(), 100, null))).isEqualTo(1);
    assertThat(
            directory.count(
                new AgentFilter(Set.of(), null, Set.of(), AgentFilter.NO_CUSTOM_STATE, null)))
        .isEqualTo(49_999);
  }
}
