package io.statedesk.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code statedesk.cluster.*}: whether consoles share the hosted agents, and the lease timing. */
@ApplicationScoped
public class ClusterSettings {

  /**
   * Whether this console shares its database with other consoles and divides the hosted agents with
   * them. Off: the console hosts every configured agent itself (one console, or active/standby).
   */
  @Inject
  @ConfigProperty(name = "statedesk.cluster.enabled", defaultValue = "false")
  boolean enabled;

  /**
   * How many shards the hosted agents are divided into (agent id mod shards). The same on every
   * console of a cluster; more shards than consoles so that the load divides evenly.
   */
  @Inject
  @ConfigProperty(name = "statedesk.cluster.shards", defaultValue = "16")
  int shards;

  /** How often a console renews its membership and shard leases. */
  @Inject
  @ConfigProperty(name = "statedesk.cluster.heartbeat-seconds", defaultValue = "3")
  int heartbeatSeconds;

  /** How long a lease lasts without renewal: a dead console's shards are free after this. */
  @Inject
  @ConfigProperty(name = "statedesk.cluster.lease-seconds", defaultValue = "15")
  int leaseSeconds;

  public boolean enabled() {
    return enabled;
  }

  public int shards() {
    return shards;
  }

  public Duration heartbeat() {
    return Duration.ofSeconds(heartbeatSeconds);
  }

  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  /** What is wrong with the settings, one line each; empty when fine. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (shards < 1 || shards > 1024) {
      problems.add("statedesk.cluster.shards must be 1..1024, was " + shards);
    }
    if (heartbeatSeconds < 1) {
      problems.add(
          "statedesk.cluster.heartbeat-seconds must be at least 1, was " + heartbeatSeconds);
    }
    if (leaseSeconds < 3 * heartbeatSeconds) {
      problems.add(
          "statedesk.cluster.lease-seconds must be at least three heartbeats ("
              + 3 * heartbeatSeconds
              + "), was "
              + leaseSeconds);
    }
    return problems;
  }
}
