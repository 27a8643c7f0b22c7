package io.statedesk.core.cluster;

import io.statedesk.core.session.RelayScope.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arithmetic of dividing hosted agents by shards, apart from {@link Cluster}'s heartbeat so
 * that it is read and tested without a database: which agents a shard holds ({@code agent mod
 * shards}), a console's fair share, which shards it gives up above that share, and the agents as
 * ranges.
 */
final class Shards {

  private Shards() {}

  /** The lease names of {@code count} shards, {@code shard-0} first. */
  static List<String> names(int count) {
    List<String> names = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      names.add(Cluster.SHARD + s);
    }
    return names;
  }

  /** {@code ceil(shards / live consoles)}: no console holds more, so every shard finds a holder. */
  static int fairShare(int shards, int live) {
    return (shards + live - 1) / live;
  }

  /**
   * The shards to give up: of those still {@code held} (lowest first), the highest ones above the
   * {@code fair} share, highest first.
   */
  static List<Integer> aboveShare(List<Integer> held, int fair) {
    List<Integer> shed = new ArrayList<>();
    for (int i = held.size() - 1; i >= fair; i--) {
      shed.add(held.get(i));
    }
    return shed;
  }

  /** The {@code configured} agents that fall in one of {@code shards} (of {@code count}). */
  static Set<Integer> agentsOf(Set<Integer> configured, Set<Integer> shards, int count) {
    Set<Integer> agents = new TreeSet<>();
    for (int agent : configured) {
      if (shards.contains(Math.floorMod(agent, count))) {
        agents.add(agent);
      }
    }
    return agents;
  }

  /** Contiguous ranges of a set of agent ids (few: agents are configured as ranges). */
  static List<Range> ranges(Set<Integer> agents) {
    List<Range> ranges = new ArrayList<>();
    Integer from = null;
    Integer to = null;
    for (int id : new TreeSet<>(agents)) {
      if (to != null && id == to + 1) {
        to = id;
        continue;
      }
      if (from != null) {
        ranges.add(new Range(from, to));
      }
      from = id;
      to = id;
    }
    if (from != null) {
      ranges.add(new Range(from, to));
    }
    return ranges;
  }
}
