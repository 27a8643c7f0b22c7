package io.statedesk.core.cluster;

import io.statedesk.core.session.RelayScope.Range;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which agents' calls an instance makes, as a SQL condition on an agent id column: hosted agents of
 * the shards it holds; relayed agents whose desktop last pushed their session to this console (its
 * hold records, {@code session_hold}); and, for the instance leading a change, every agent that no
 * shard covers and no other live console holds (relayed agents of a console that died, agents with
 * no session). The agent ranges and shard numbers are written into the text (numbers only, never
 * user text); the console id and the time are bound parameters ({@link #parameters}).
 *
 * @param all this instance holds every shard (clustering off)
 * @param shards the shards held (when not {@code all})
 * @param count how many shards there are
 * @param hosted the configured hosted agents, as ranges
 * @param console this console's id (the hold records name consoles, not instances)
 */
public record Ownership(
    boolean all, Set<Integer> shards, int count, List<Range> hosted, String console) {

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
   * relayed agents held here, and, if {@code lead}, every other agent no live console holds. Its
   * positional parameters are numbered on from {@code first}, the query's own come before it: the
   * labels must run without a gap (Hibernate refuses "?3 ... ?7", EclipseLink does not mind).
   *
   * <p>Both hold-record conditions are correlated {@code exists} lookups by the agent's primary key
   * in {@code session_hold}: an {@code in (select ...)} made H2 read every hold record of the
   * console into a set at every claim, which at 10,000 relayed sessions was half of the console's
   * CPU in a bulk change (issue 20's benchmark, concurrency 1).
   */
  public String sql(String column, boolean lead, int first) {
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
    int p = first;
    String relayedHere =
        "(not "
            + isHosted
            + " and exists (select 1 from session_hold h where h.agent_id = "
            + column
            + " and h.console_id = ?"
            + p
            + " and h.held_until > ?"
            + (p + 1)
            + "))";
    if (!lead) {
      return "(" + mine + " or " + relayedHere + ")";
    }
    String heldByNoOther =
        "(not "
            + isHosted
            + " and not exists (select 1 from session_hold h, cluster_member m where h.agent_id = "
            + column
            + " and h.console_id <> ?"
            + (p + 2)
            + " and h.held_until > ?"
            + (p + 3)
            + " and m.console_id = h.console_id and m.beat_until > ?"
            + (p + 4)
            + "))";
    return "(" + mine + " or " + relayedHere + " or " + heldByNoOther + ")";
  }

  /**
   * The values of the parameters {@link #sql} uses, by position from {@code first}, for the time
   * {@code now}.
   */
  public Map<Integer, Object> parameters(boolean lead, Instant now, int first) {
    Timestamp at = Timestamp.from(now);
    Map<Integer, Object> values = new TreeMap<>();
    int p = first;
    values.put(p, console);
    values.put(p + 1, at);
    if (lead) {
      values.put(p + 2, console);
      values.put(p + 3, at);
      values.put(p + 4, at);
    }
    return values;
  }
}
