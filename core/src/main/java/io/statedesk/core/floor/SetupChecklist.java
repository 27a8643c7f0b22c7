package io.statedesk.core.floor;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.bulk.ChangeHistory;
import io.statedesk.core.bulk.HistoryFilter;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this console can do for the signed-in user today and what still has to be set up before it
 * can, in the order the work has to happen: sessions, the catalog, the directory, then (with
 * agents) changes, and a supervisor's teams. Each item is a message key, whether it is done and the
 * figures its text shows. In core, not in the overview page's bean, because "ready" is a rule of
 * the console (a session is usable only hosted or relayed; a supervisor without teams sees no
 * agent), and the page only says it.
 */
@ApplicationScoped
public class SetupChecklist {

  /** One line of the checklist: a message key, whether it is done, and its text's arguments. */
  public record Item(String key, boolean done, Object... args) {}

  @Inject Caller caller;
  @Inject AgentSessions sessions;
  @Inject StateCatalog catalog;
  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject ChangeHistory history;

  /** The checklist for the caller's role. */
  public List<Item> forCaller() {
    List<Item> items = new ArrayList<>();
    items.add(new Item("home.setup.signedIn", true));
    items.add(sessionsItem());
    int codes = catalog.active().size();
    items.add(
        codes > 0
            ? new Item("home.setup.catalogReady", true, codes)
            : new Item("home.setup.catalog", false));
    long agents = directory.count(AgentFilter.none());
    items.add(
        agents > 0
            ? new Item("home.setup.directoryReady", true, agents)
            : new Item("home.setup.directoryEmpty", false));
    if (agents > 0) {
      items.add(new Item("home.setup.changes", true, history.countHistory(HistoryFilter.none())));
    }
    if (caller.has(Role.SUPERVISOR)) {
      Set<String> mine = teams.callerTeams();
      items.add(
          mine.isEmpty()
              ? new Item("home.setup.teams", false)
              : new Item("home.setup.teamsAssigned", true, String.join(", ", mine)));
    }
    return items;
  }

  /** Done when some sessions are usable (hosted or relayed) and none is missing, stale or lost. */
  private Item sessionsItem() {
    Map<Availability, Integer> counts = sessions.counts();
    int usable = counts.get(Availability.HOSTED) + counts.get(Availability.RELAYED);
    int unusable =
        counts.get(Availability.NONE)
            + counts.get(Availability.STALE)
            + counts.get(Availability.TAKEN_OVER);
    return new Item(
        usable > 0 ? "home.setup.sessions" : "home.setup.noSessions",
        usable > 0 && unusable == 0,
        counts.get(Availability.HOSTED),
        counts.get(Availability.RELAYED),
        counts.get(Availability.NONE),
        counts.get(Availability.STALE),
        counts.get(Availability.TAKEN_OVER));
  }
}
