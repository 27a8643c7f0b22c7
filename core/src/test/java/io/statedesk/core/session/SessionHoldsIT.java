package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.Deployments;
import io.statedesk.core.testing.SharedServer;
import io.statedesk.core.testing.TestDatabase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hold records of two consoles over one table: a record is one row per agent, so one console's
 * write takes over another's row, and its release deletes it.
 */
@SharedServer
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class SessionHoldsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("statedesk.demo.enabled=true");
  }

  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /**
   * A console's own bookkeeping: the application's bean is the running console's, whose list these
   * tests must not touch.
   */
  SessionHolds console() {
    SessionHolds holds = new SessionHolds();
    holds.em = em;
    return holds;
  }

  void refresh(SessionHolds holds, String console, Set<Integer> live) throws Exception {
    tx.begin();
    holds.refresh(console, live, Instant.now().plusSeconds(120));
    tx.commit();
  }

  /** Agent id to the console its record names, for {@code agents}. */
  Map<Integer, String> records(Set<Integer> agents) {
    Map<Integer, String> by = new TreeMap<>();
    List<SessionHold> rows =
        em.createQuery("select h from SessionHold h where h.agentId in :ids", SessionHold.class)
            .setParameter("ids", agents)
            .getResultList();
    rows.forEach(h -> by.put(h.getAgentId(), h.getConsoleId()));
    return by;
  }

  /**
   * ClusterIT saw a restarted console hold 12 agents' sessions with no record for minutes: the
   * other console had written those records over and then let the agents go (deleting them), and
   * the first console, trusting its own list, never wrote them again.
   */
  @Test
  void aRecordAnotherConsoleTookOverAndLetGoIsWrittenAgainByTheHolder() throws Exception {
    Set<Integer> agents = Set.of(990_001, 990_002, 990_003);
    String a = "holds-a-" + System.nanoTime();
    String b = "holds-b-" + System.nanoTime();
    SessionHolds consoleA = console();
    SessionHolds consoleB = console();

    refresh(consoleA, a, agents);
    assertThat(records(agents)).containsOnlyKeys(agents).containsValue(a).doesNotContainValue(b);
    refresh(consoleB, b, Set.of(990_002)); // B holds 990002 for a while: its record names B
    assertThat(records(agents)).containsEntry(990_002, b);
    refresh(consoleB, b, Set.of()); // and lets it go: its record goes
    assertThat(records(agents)).doesNotContainKey(990_002);

    refresh(consoleA, a, agents); // A holds all three (again)
    assertThat(records(agents))
        .as("every agent A holds has A's record")
        .isEqualTo(Map.of(990_001, a, 990_002, a, 990_003, a));

    refresh(consoleA, a, Set.of());
    assertThat(records(agents)).isEmpty();
  }

  /**
   * A record another console took over and keeps names that console: it holds the session now (a
   * desktop pushed there, a forced sign-in there), even while this console still counts the agent
   * live; until the desktop pushes here again.
   */
  @Test
  void aRecordAnotherConsoleTookOverStaysItsUntilTheDesktopPushesHereAgain() throws Exception {
    Set<Integer> agents = Set.of(990_011, 990_012);
    String a = "holds-a-" + System.nanoTime();
    String b = "holds-b-" + System.nanoTime();
    SessionHolds consoleA = console();
    SessionHolds consoleB = console();

    refresh(consoleA, a, agents);
    refresh(consoleB, b, Set.of(990_012)); // the desktop now pushes to B
    refresh(consoleA, a, agents); // A's copy of the Guid has not timed out yet
    refresh(consoleA, a, agents);
    assertThat(records(agents)).isEqualTo(Map.of(990_011, a, 990_012, b));

    consoleA.pushed(990_012); // the desktop pushes to A again
    refresh(consoleA, a, agents);
    assertThat(records(agents)).isEqualTo(Map.of(990_011, a, 990_012, a));

    refresh(consoleA, a, Set.of());
    refresh(consoleB, b, Set.of());
    assertThat(records(agents)).isEmpty();
  }

  /**
   * TwoConsolesIT on WildFly: a console's refresh merged over another's record as that console
   * deleted it, the commit failed, and the first console's list said it had written rows that did
   * not exist; its next refresh then took the agents for another's and left them alone. A refresh
   * that does not commit is forgotten, so the next one writes the records.
   */
  @Test
  void aRefreshThatDidNotCommitIsWrittenByTheNext() throws Exception {
    Set<Integer> agents = Set.of(990_021, 990_022);
    String a = "holds-a-" + System.nanoTime();
    String b = "holds-b-" + System.nanoTime();
    SessionHolds consoleA = console();
    SessionHolds consoleB = console();

    refresh(consoleB, b, agents); // B held them; the shards move to A
    tx.begin();
    consoleA.refresh(a, agents, Instant.now().plusSeconds(120));
    tx.rollback(); // A's write over B's records fails
    refresh(consoleA, a, agents);
    refresh(consoleB, b, Set.of()); // B lets its agents go
    refresh(consoleA, a, agents);
    assertThat(records(agents)).isEqualTo(Map.of(990_021, a, 990_022, a));

    refresh(consoleA, a, Set.of());
    assertThat(records(agents)).isEmpty();
  }

  /**
   * An agent whose record another console took over while this one still holds the session is left
   * to it; once that console lets the agent go and deletes the record, the holder writes it again
   * (a hosted agent is never pushed, so nothing else would bring its record back).
   */
  @Test
  void aRecordTheOtherConsoleLetGoIsReclaimedByTheHolder() throws Exception {
    Set<Integer> agents = Set.of(990_031);
    String a = "holds-a-" + System.nanoTime();
    String b = "holds-b-" + System.nanoTime();
    SessionHolds consoleA = console();
    SessionHolds consoleB = console();

    refresh(consoleA, a, agents);
    refresh(consoleB, b, agents); // B's write takes the record over
    refresh(consoleA, a, agents); // A sees it and leaves it to B
    assertThat(records(agents)).isEqualTo(Map.of(990_031, b));
    refresh(consoleB, b, Set.of()); // B lets it go
    refresh(consoleA, a, agents);
    assertThat(records(agents)).isEqualTo(Map.of(990_031, a));

    refresh(consoleA, a, Set.of());
    assertThat(records(agents)).isEmpty();
  }
}
