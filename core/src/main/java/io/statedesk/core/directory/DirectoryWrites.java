package io.statedesk.core.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
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

  @Inject DirectoryStates directoryStates;

  private final RowByRow rows = new RowByRow(LOG, "state its change set");

  /**
   * Records the states set (agent to code, {@code null} = cleared), those in {@code verified} as
   * read back. A row that cannot be written keeps the state before it (the picker shows that until
   * the next read-back); the outcome has the truth.
   */
  public void setStates(Map<Integer, Integer> states, Set<Integer> verified) {
    rows.write(states, batch -> directoryStates.applySetStates(batch, verified));
  }
}
