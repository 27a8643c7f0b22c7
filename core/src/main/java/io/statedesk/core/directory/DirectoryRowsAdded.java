package io.statedesk.core.directory;

import java.util.Set;

/**
 * Agents were added to the directory (by a gateway sync or a CSV import), fired inside the
 * transaction that adds them. Observed after the commit by whoever keeps per-agent columns that a
 * new row does not have yet: the session availability that the picker filters on is mirrored into
 * rows as it changes, so a row added after its agent's session started must get it now.
 *
 * @param agentIds the agents whose rows were added
 */
public record DirectoryRowsAdded(Set<Integer> agentIds) {

  public DirectoryRowsAdded {
    agentIds = Set.copyOf(agentIds);
  }
}
