package io.statedesk.core.directory;

import java.util.List;

/**
 * One team as admins see it ({@link TeamSummaries}): its agents in the directory (0 for a team that
 * supervisors are assigned to but no agent belongs to: usually a typo or a team not synchronised
 * yet), how many of them the console can act for now, and the supervisors assigned to it.
 */
public record TeamSummary(String team, long agents, long usable, List<String> supervisors) {

  public TeamSummary {
    supervisors = List.copyOf(supervisors);
  }

  /** Whether no agent of the directory belongs to the team. */
  public boolean unknown() {
    return agents == 0;
  }
}
