package io.statedesk.core.session;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which agents a relay client may relay Guids for: agents of some teams and/or in some id ranges.
 * Without either restriction, any agent (hosted agents are refused whatever the scope).
 *
 * <p>Why: a relay token is a machine credential on a desktop floor or in CTI middleware; one leaked
 * token must not let its holder plant Guids for every agent of the site.
 *
 * @param teams team names (exact)
 * @param ranges inclusive agent id ranges
 */
public record RelayScope(Set<String> teams, List<Range> ranges) {

  /** An inclusive agent id range. */
  public record Range(int from, int to) {
    boolean contains(int id) {
      return id >= from && id <= to;
    }

    @Override
    public String toString() {
      return from == to ? Integer.toString(from) : from + "-" + to;
    }
  }

  public RelayScope {
    teams = Set.copyOf(teams);
    ranges = List.copyOf(ranges);
  }

  public boolean unrestricted() {
    return teams.isEmpty() && ranges.isEmpty();
  }

  /** Whether {@code agentId} (of {@code team}, if known) is within the scope. */
  public boolean allows(int agentId, Optional<String> team) {
    if (unrestricted()) {
      return true;
    }
    return ranges.stream().anyMatch(r -> r.contains(agentId))
        || team.filter(teams::contains).isPresent();
  }

  /**
   * Parses the stored form.
   *
   * @throws InvalidRelayRequestException naming the field and the bad part
   */
  public static RelayScope of(String teams, String agents) {
    Set<String> names = new TreeSet<>();
    if (teams != null) {
      Arrays.stream(teams.split("[\\n,]"))
          .map(String::strip)
          .filter(t -> !t.isEmpty())
          .forEach(names::add);
    }
    return new RelayScope(names, ranges(agents));
  }

  private static List<Range> ranges(String spec) {
    return AgentRanges.parse(spec, why -> new InvalidRelayRequestException("agents", why));
  }

  /** The teams as stored (one per line). */
  public String teamsText() {
    return String.join("\n", teams);
  }

  /** The ranges as stored ({@code 10001-10300,20001}). */
  public String agentsText() {
    return String.join(",", ranges.stream().map(Range::toString).toList());
  }
}
