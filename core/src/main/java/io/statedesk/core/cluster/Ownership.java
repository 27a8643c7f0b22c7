package io.statedesk.core.cluster;

import io.statedesk.core.session.RelayScope.Range;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which agents' calls an instance makes, as a SQL condition on an agent id column: hosted agents of
 * the shards it holds and, for the instance leading a change, every agent that no shard covers
 * (relayed or unhosted agents). Built only from numbers (configured ranges, shard numbers), never
 * from user text.
 *
 * @param all this instance holds every shard (clustering off)
 * @param shards the shards held (when not {@code all})
 * @param count how many shards there are
 * @param hosted the configured hosted agents, as ranges
 */
public record Ownership(boolean all, Set<Integer> shards, int count, List<Range> hosted) {

  /** Whether this instance makes the calls for hosted agent {@code agentId}. */
  public boolean holds(int agentId) {
    return all || shards.contains(Math.floorMod(agentId, count));
  }

  /** Whether {@code agentId} is a configured hosted agent. */
  public boolean isHosted(int agentId) {
    for (Range r : hosted) {
      if (agentId >= r.from() && agentId <= r.to()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The condition "this instance calls the agent in {@code column}": hosted agents of its shards,
   * and, if {@code lead}, every agent no shard covers.
   */
  public String sql(String column, boolean lead) {
    String isHosted =
        hosted.isEmpty()
            ? "1 = 0"
            : hosted.stream()
                .map(r -> column + " between " + r.from() + " and " + r.to())
                .collect(Collectors.joining(" or ", "(", ")"));
    String mine;
    if (all) {
      mine = isHosted;
    } else if (shards.isEmpty()) {
      mine = "1 = 0";
    } else {
      mine =
          "("
              + isHosted
              + " and mod("
              + column
              + ", "
              + count
              + ") in "
              + shards.stream()
                  .sorted()
                  .map(String::valueOf)
                  .collect(Collectors.joining(", ", "(", ")"))
              + ")";
    }
    return lead ? "(" + mine + " or not (" + isHosted + "))" : mine;
  }
}
