package io.statedesk.core.cluster;

import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every live console's breaker and shards, read from the database, so that any console's system
 * status shows the whole cluster (issue 19: "the breaker state visible to all"); admins only.
 */
@ApplicationScoped
public class ClusterStatus {

  @Inject Cluster cluster;
  @Inject ClusterStore store;
  @Inject Caller caller;

  /**
   * The live members, by instance.
   *
   * @throws io.statedesk.core.security.AccessDeniedException unless the caller is an admin
   */
  public List<MemberStatus> members() {
    caller.require(Role.ADMIN);
    Instant now = Instant.now();
    Map<String, List<Integer>> shards = new TreeMap<>();
    for (ClusterLease lease : store.leases(Cluster.SHARD)) {
      if (lease.getOwner() != null && lease.getHeldUntil().isAfter(now)) {
        shards
            .computeIfAbsent(lease.getOwner(), k -> new ArrayList<>())
            .add(Integer.parseInt(lease.getName().substring(Cluster.SHARD.length())));
      }
    }
    String self = cluster.instance();
    List<MemberStatus> members = new ArrayList<>();
    for (ClusterMember m : store.alive(now)) {
      List<Integer> held = shards.getOrDefault(m.getInstanceId(), new ArrayList<>());
      held.sort(null);
      members.add(
          new MemberStatus(
              m.getInstanceId(),
              m.getConsoleId(),
              m.getStartedAt(),
              m.getBeatUntil(),
              m.getBreaker(),
              List.copyOf(held),
              m.getInstanceId().equals(self)));
    }
    return members;
  }

  /** Whether the consoles divide the hosted agents (statedesk.cluster.enabled). */
  public boolean enabled() {
    return cluster.enabled();
  }
}
