package io.statedesk.core.directory;

import io.statedesk.core.cluster.Cluster;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.ConfiguredSecrets;
import io.statedesk.core.security.Role;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the directory in step with the gateway: at start and every {@code
 * statedesk.directory.sync-minutes}, and on demand by an admin.
 */
@ApplicationScoped
public class DirectorySync {

  private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());

  @Inject
  @ConfigProperty(name = "statedesk.directory.sync-enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "statedesk.directory.account", defaultValue = "0")
  int account;

  /** Clear text or sealed ({@code ENC(...)}, opened with {@link ConfiguredSecrets}). */
  @Inject
  @ConfigProperty(name = PASSWORD)
  Optional<String> password;

  static final String PASSWORD = "statedesk.directory.password";

  @Inject ConfiguredSecrets secrets;

  @Inject
  @ConfigProperty(name = "statedesk.directory.sync-minutes", defaultValue = "10")
  int minutes;

  @Inject
  @ConfigProperty(name = "statedesk.directory.read-skills", defaultValue = "false")
  boolean readSkills;

  /** The directory account's {@code phonenum}; else the hosted agents' pattern applies to it. */
  @Inject
  @ConfigProperty(name = "statedesk.directory.phonenum")
  Optional<String> phone;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.phonenum-pattern")
  Optional<String> phonePattern;

  @Inject GatewayClient client;
  @Inject DirectoryImport directoryImport;
  @Inject Caller caller;
  @Inject Cluster cluster;

  static final String LEASE = "directory-sync";

  private ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> schedule;
  private boolean stopped;
  private volatile SyncStatus.Attempt lastAttempt;
  private volatile SyncStatus.Attempt lastSuccess;
  private volatile Instant runningSince;
  private final List<Runnable> afterSync = new CopyOnWriteArrayList<>();

  /** Runs after every successful sync (e.g. the custom-state read-back). */
  public void afterSync(Runnable action) {
    afterSync.add(action);
  }

  /** What is wrong with the settings, one line each; empty when fine or disabled. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (enabled) {
      if (!AgentId.isValid(account)) {
        problems.add(
            "statedesk.directory.account must be the directory account's agent id ("
                + AgentId.RANGE
                + "), was "
                + account);
      }
      if (password.isEmpty()) {
        problems.add(
            "statedesk.directory.password is required when statedesk.directory.sync-enabled=true");
      }
      problems.addAll(secrets.problems(PASSWORD, password));
      if (minutes < 1) {
        problems.add("statedesk.directory.sync-minutes must be at least 1, was " + minutes);
      }
    }
    return problems;
  }

  /**
   * Schedules the periodic sync if enabled: first run a few seconds after start, then every {@code
   * sync-minutes}; after a failure (e.g. the gateway not reachable yet) again after 30 s.
   */
  public synchronized void start() {
    if (!enabled || scheduler != null) {
      return;
    }
    try {
      scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException("No default managed scheduled executor service", e);
    }
    scheduleNext(5, TimeUnit.SECONDS);
  }

  private synchronized void scheduleNext(long delay, TimeUnit unit) {
    if (!stopped) {
      schedule = scheduler.schedule(this::syncAndReschedule, delay, unit);
    }
  }

  /**
   * The scheduled sync, on one console of a cluster at a time (the cluster-wide lease {@value
   * #LEASE}): the others look again every 30 s and take over if its holder dies.
   */
  private void syncAndReschedule() {
    if (!cluster.singleton(LEASE)) {
      scheduleNext(30, TimeUnit.SECONDS);
      return;
    }
    boolean ok = syncQuietly();
    if (ok) {
      scheduleNext(minutes, TimeUnit.MINUTES);
    } else {
      scheduleNext(30, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  /**
   * Starts a sync now in the background (admins), for the directory page: a sync of a large
   * directory reads every group and agent from the gateway and can take minutes, far longer than a
   * page request should wait. The page shows it running ({@link SyncStatus#runningSince()}) and its
   * result as the last attempt.
   *
   * @return false when a sync is already running (that one's result will show)
   */
  public boolean startSyncNow() {
    caller.require(Role.ADMIN);
    if (!enabled || scheduler == null) {
      throw new IllegalStateException(
          "Directory sync is not configured (statedesk.directory.sync-enabled=false)");
    }
    String actor = caller.name();
    synchronized (this) {
      if (runningSince != null) {
        return false;
      }
      runningSince = Instant.now();
    }
    scheduler.execute(
        () -> {
          try {
            sync(actor);
          } catch (RuntimeException e) { // the last attempt says why; the admin reads it there
            LOG.log(Level.WARNING, "Directory sync started by " + actor + " failed", e);
          }
        });
    return true;
  }

  /** Synchronises now (admins), returning the counts or throwing the gateway's failure. */
  public SyncResult syncNow() {
    caller.require(Role.ADMIN);
    return sync(caller.name());
  }

  private boolean syncQuietly() {
    try {
      sync("system");
      return true;
    } catch (GatewayException e) {
      LOG.warning(
          () ->
              "Directory sync failed, the previous directory stays (retry in 30 s): "
                  + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Directory sync failed, the previous directory stays (retry in 30 s)", e);
    }
    return false;
  }

  /**
   * One sync at a time: the directory account has one gateway session, and a second sign-in (an
   * admin's "sync now" during the scheduled one) kicks the first out mid-read (100-006). A caller
   * that finds a sync running waits for it and then reads afresh.
   */
  private SyncResult sync(String actor) {
    if (!enabled) {
      throw new IllegalStateException(
          "Directory sync is not configured (statedesk.directory.sync-enabled=false)");
    }
    syncing.lock();
    runningSince = runningSince == null ? Instant.now() : runningSince;
    try {
      SyncResult result;
      try {
        List<DirectoryEntry> entries =
            new GatewayDirectoryReader(
                    client,
                    readSkills,
                    phone
                        .or(() -> phonePattern.map(p -> p.replace("{agent}", "" + account)))
                        .orElse(null))
                .read(account, secrets.open(PASSWORD, password.orElseThrow()));
        result = directoryImport.replaceFromGateway(entries, actor);
      } catch (RuntimeException e) {
        lastAttempt = new SyncStatus.Attempt(Instant.now(), actor, null, failure(e));
        throw e;
      }
      lastAttempt = new SyncStatus.Attempt(Instant.now(), actor, result, null);
      lastSuccess = lastAttempt;
      afterSync.forEach(Runnable::run);
      LOG.info(() -> "Directory synchronised from the gateway: " + result.describe());
      return result;
    } finally {
      runningSince = null;
      syncing.unlock();
    }
  }

  /**
   * What an admin may read of a failure: the gateway's own message (retcode and meaning, never a
   * credential: the client builds those messages) or, for anything else, only its kind.
   */
  private static String failure(RuntimeException e) {
    return e instanceof GatewayException
        ? e.getMessage()
        : "Unexpected " + e.getClass().getSimpleName() + " (details in the server log)";
  }

  private final ReentrantLock syncing = new ReentrantLock();

  @Inject CustomStateReadBack readBack;

  /** How far the custom-state read-back after the last sync is (admins). */
  public CustomStateReadBack.Progress readBackProgress() {
    caller.require(Role.ADMIN);
    return readBack.progress();
  }

  /** The sync's settings and its last attempts, for the admins' directory page. */
  public SyncStatus status() {
    caller.require(Role.ADMIN);
    ScheduledFuture<?> next = schedule;
    Instant nextRun =
        enabled && next != null && !next.isDone()
            ? Instant.now().plusMillis(Math.max(0, next.getDelay(TimeUnit.MILLISECONDS)))
            : null;
    return new SyncStatus(
        enabled, account, minutes, readSkills, nextRun, runningSince, lastAttempt, lastSuccess);
  }
}
