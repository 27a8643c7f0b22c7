package io.statedesk.core.cluster;

import io.statedesk.core.desired.ManagedThreads;
import io.statedesk.core.gateway.LiveConsoles;
import io.statedesk.core.session.ConsoleId;
import io.statedesk.core.session.HostedSessions;
import io.statedesk.core.session.RelayScope.Range;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This console's place in the cluster: its membership heartbeat, the shards of hosted agents it
 * holds, and the cluster-wide singletons it runs.
 *
 * <p>Why a heartbeat of its own: it runs on a single managed thread that does nothing else, so no
 * bulk change, sign-in burst or directory sync can delay it past the lease and make the console
 * lose its agents while it is working. Each beat: renew the membership and every lease held; give
 * up shards above the fair share ({@code ceil(shards / live consoles)}) after letting their agents
 * go; take free or expired shards up to the fair share and sign their agents in. A console that
 * cannot renew for two thirds of a lease lets all its agents go before the others may take them
 * (self-fencing), so two consoles never poll one agent for long. The shard arithmetic itself is
 * {@link Shards}.
 */
@ApplicationScoped
public class Cluster {

  private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
  static final String SHARD = "shard-";

  @Inject ClusterSettings settings;
  @Inject ClusterStore store;
  @Inject ConsoleId consoleId;
  @Inject HostedSessions hosted;
  @Inject LiveConsoles liveConsoles;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final Set<Integer> shards = ConcurrentHashMap.newKeySet();
  private final Set<String> singletons = ConcurrentHashMap.newKeySet();
  private final Instant startedAt = Instant.now();
  private volatile Instant lastRenewed = Instant.now();
  private volatile List<Range> hostedRanges = List.of();
  private volatile boolean rowsReady;
  private volatile boolean rowsForgotten;
  private ScheduledExecutorService heartbeat;
  private volatile Supplier<String> breaker = () -> null;

  /** This running instance: the console id and a per-start suffix (owner of leases and claims). */
  public String instance() {
    return consoleId.get() + "/" + suffix;
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /** Starts the heartbeat (after the hosted-session pool, whose agents it divides). */
  public synchronized void start() {
    if (heartbeat != null) {
      return;
    }
    hostedRanges = Shards.ranges(hosted.configuredAgents());
    heartbeat = Executors.newSingleThreadScheduledExecutor(ManagedThreads.factory());
    heartbeat.scheduleWithFixedDelay(
        this::beat, 0, settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        () ->
            "Console instance "
                + instance()
                + (settings.enabled()
                    ? " joins the cluster: " + settings.shards() + " shards of hosted agents"
                    : " runs alone (statedesk.cluster.enabled=false)"));
  }

  /**
   * Where the heartbeat reads this console's gateway breaker state, written with each beat so that
   * every console sees every member's breaker (the bulk engine reports it at its start).
   */
  public void reportBreaker(Supplier<String> state) {
    breaker = state;
  }

  /** Which agents' calls this instance makes now (see {@link Ownership}). */
  public Ownership ownership() {
    return new Ownership(
        !settings.enabled(), Set.copyOf(shards), settings.shards(), hostedRanges, consoleId.get());
  }

  /** The shards this instance holds, in order. */
  public Set<Integer> shards() {
    return new TreeSet<>(shards);
  }

  /**
   * Whether this instance runs the cluster-wide singleton {@code name} (always, when alone). Once
   * taken, the lease is renewed by the heartbeat until this instance stops or dies, so the job
   * never moves while its holder lives.
   */
  public boolean singleton(String name) {
    if (!settings.enabled() || singletons.contains(name)) {
      return true;
    }
    try {
      ensureRows(List.of(name));
      Instant now = Instant.now();
      if (store.tryLease(name, instance(), now.plus(settings.lease()), now)) {
        singletons.add(name);
        LOG.info(() -> "This console now runs the cluster-wide " + name);
        return true;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not take the cluster lease " + name, e);
    }
    return false;
  }

  /** The live instances, for the system page. */
  public List<ClusterMember> members() {
    return store.alive(Instant.now());
  }

  /** One heartbeat; never throws (the scheduler would stop). */
  void beat() {
    Instant now = Instant.now();
    try {
      store.beat(instance(), consoleId.get(), startedAt, now.plus(settings.lease()), breaker.get());
      if (!rowsForgotten) { // instances of earlier starts, dead for a day: history only
        store.forgetDead(now.minus(Duration.ofDays(1)));
        rowsForgotten = true;
      }
      renewSingletons(now);
      if (settings.enabled()) {
        balance(now);
      }
      lastRenewed = now;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cluster heartbeat failed; trying again at the next one", e);
      fenceIfStale(now);
    }
  }

  private void renewSingletons(Instant now) {
    for (String name : List.copyOf(singletons)) {
      if (!store.tryLease(name, instance(), now.plus(settings.lease()), now)) {
        singletons.remove(name);
        LOG.warning(() -> "Lost the cluster-wide " + name + " to another console");
      }
    }
  }

  /**
   * Renews the shards held, gives up those above the fair share, and takes free ones up to it. Why
   * the agents are let go before the lease: the next holder signs them in by force (they were held
   * by this cluster), and a chain of ours still polling would fight it.
   */
  private void balance(Instant now) {
    int count = settings.shards();
    if (!rowsReady) {
      ensureRows(Shards.names(count));
      rowsReady = true;
    }
    Instant until = now.plus(settings.lease());
    Set<Integer> lost = new TreeSet<>();
    for (int s : List.copyOf(shards)) {
      if (!store.tryLease(SHARD + s, instance(), until, now)) {
        lost.add(s);
      }
    }
    int live = Math.max(1, store.alive(now).size());
    if (live != liveConsoles.get()) {
      LOG.info(() -> live + " live console(s): the cluster's gateway rates are shared by them");
    }
    liveConsoles.set(live);
    int fair = Shards.fairShare(count, live);
    List<Integer> held = new ArrayList<>(new TreeSet<>(shards));
    held.removeAll(lost);
    List<Integer> shed = Shards.aboveShare(held, fair);
    if (!lost.isEmpty() || !shed.isEmpty()) {
      Set<Integer> gone = new TreeSet<>(lost);
      gone.addAll(shed);
      shards.removeAll(gone);
      hosted.drop(agentsOf(gone));
      shed.forEach(s -> store.release(SHARD + s, instance()));
      LOG.info(
          () ->
              "Shards let go: "
                  + gone
                  + (lost.isEmpty() ? "" : " (" + lost + " taken by another console)")
                  + "; holding "
                  + shards());
    }
    Set<Integer> gained = new TreeSet<>();
    int room = fair - shards.size();
    for (ClusterLease lease : store.leases(SHARD)) {
      if (room <= 0) {
        break;
      }
      int s = Integer.parseInt(lease.getName().substring(SHARD.length()));
      boolean free = lease.getOwner() == null || lease.getHeldUntil().isBefore(now);
      if (s < count
          && !shards.contains(s)
          && free
          && store.tryLease(lease.getName(), instance(), until, now)) {
        gained.add(s);
        room--;
      }
    }
    if (!gained.isEmpty()) {
      shards.addAll(gained);
      hosted.host(agentsOf(gained));
      LOG.info(() -> "Shards taken: " + gained + "; holding " + shards());
    }
  }

  /**
   * The heartbeat could not reach the database for two thirds of a lease: another console may take
   * our shards soon, so their agents are let go now rather than polled by two consoles.
   */
  private void fenceIfStale(Instant now) {
    if (!settings.enabled() || shards.isEmpty()) {
      return;
    }
    if (Duration.between(lastRenewed, now).compareTo(settings.lease().multipliedBy(2).dividedBy(3))
        > 0) {
      Set<Integer> gone = shards();
      shards.clear();
      singletons.clear();
      hosted.drop(agentsOf(gone));
      LOG.warning(
          () -> "No heartbeat for two thirds of a lease: let go of shards " + gone + " (fenced)");
    }
  }

  private void ensureRows(Collection<String> names) {
    Set<String> have = store.existing(names);
    for (String name : names) {
      if (!have.contains(name)) {
        try {
          store.create(name);
        } catch (RuntimeException raced) {
          // another console created it at the same moment: the row is there either way
        }
      }
    }
  }

  private Set<Integer> agentsOf(Set<Integer> of) {
    return Shards.agentsOf(hosted.configuredAgents(), of, settings.shards());
  }

  /** A clean stop: every lease is free at once, so the others take the shards within a beat. */
  @PreDestroy
  synchronized void stop() {
    if (heartbeat == null) {
      return;
    }
    heartbeat.shutdownNow();
    try {
      heartbeat.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      store.leave(instance());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not leave the cluster cleanly; the leases expire instead", e);
    }
  }
}
