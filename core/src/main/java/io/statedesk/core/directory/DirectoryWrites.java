package io.statedesk.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the states bulk changes set into the directory, after the outcomes are committed and in
 * transactions of their own. Why apart: the directory row is a cache for the picker and the
 * planner, the outcome is the record of what the gateway accepted. One directory row that could not
 * be written (seen: an embedded H2 whose index a kill -9 had damaged) failed the outcomes'
 * transaction with it, so the change could not record calls the gateway had taken.
 */
@ApplicationScoped
public class DirectoryWrites {

  private static final Logger LOG = Logger.getLogger(DirectoryWrites.class.getName());

  @Inject AgentDirectory directory;

  /** Agents whose row failed, so that each is logged once until it can be written again. */
  private final Set<Integer> unwritable = ConcurrentHashMap.newKeySet();

  /**
   * Records the states set (agent to code, {@code null} = cleared), those in {@code verified} as
   * read back: all in one transaction, or, if that fails, agent by agent, logging those that fail.
   */
  public void setStates(Map<Integer, Integer> states, Set<Integer> verified) {
    if (states.isEmpty()) {
      return;
    }
    try {
      directory.applySetStates(states, verified);
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not record " + states.size() + " set states at once", e);
    }
    for (Map.Entry<Integer, Integer> one : states.entrySet()) {
      int agent = one.getKey();
      try {
        directory.applySetStates(
            Collections.singletonMap(agent, one.getValue()),
            verified.contains(agent) ? Set.of(agent) : Set.of());
        unwritable.remove(agent);
      } catch (RuntimeException e) {
        if (unwritable.add(agent)) {
          LOG.log(
              Level.WARNING,
              "Agent "
                  + agent
                  + ": the state its change set is recorded on the outcome but not in the"
                  + " directory (the picker shows the state before it until the next read-back)",
              e);
        }
      }
    }
  }
}
