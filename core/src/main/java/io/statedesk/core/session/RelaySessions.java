package io.statedesk.core.session;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.Guids;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Relayed sessions: an agent's desktop (or CTI middleware) pushes its current Guid, and again after
 * every rotation; on sign-out it withdraws it. Only relay clients may call this.
 */
@ApplicationScoped
public class RelaySessions {

  @Inject Caller caller;
  @Inject SessionStore store;
  @Inject AuditLog audit;
  @Inject Event<SessionStarted> sessionStarted;
  @Inject RelayClients clients;
  @Inject HostedSessions hosted;
  @Inject SessionTimers timers;
  @Inject SessionHolds holds;

  /**
   * How long a relayed Guid is trusted without a push: the gateway's Guid timeout (GUIDTIMEOUT, 120
   * s by default). A desktop pushes every rotation; one that stopped has gone.
   */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.relay.guid-timeout-seconds", defaultValue = "120")
  int guidTimeoutSeconds;

  /** Which client relayed each agent's session, to drop them all when it is revoked. */
  private final Map<Integer, String> owners = new ConcurrentHashMap<>();

  private ScheduledFuture<?> sweeper;

  /**
   * Registers (or replaces) an agent's relayed session.
   *
   * @param authMode 1 or 2, or {@code null} for 2 (the gateway's default)
   * @throws InvalidRelayRequestException naming the field and the rule
   */
  public AgentHandle register(
      int agentId, String guid, String cookie, Integer authMode, String sourceIp) {
    return register(agentId, guid, cookie, authMode, false, sourceIp);
  }

  /**
   * Registers an agent's relayed Guid: a new session or a rotation of the one relayed before.
   *
   * <p>How the two are told apart: a push is a <em>new</em> session when the agent had no usable
   * relayed entry (never pushed, withdrawn at sign-out, gone stale) or when the relay says so
   * ({@code newSession}, e.g. a desktop that signed in again without withdrawing first). Only a new
   * session fires {@link SessionStarted}: a rotation keeps the session and its custom state.
   *
   * @param newSession the relay's own word that this Guid comes from a new sign-in
   */
  public AgentHandle register(
      int agentId,
      String guid,
      String cookie,
      Integer authMode,
      boolean newSession,
      String sourceIp) {
    caller.require(Role.RELAY);
    validate(agentId, guid, cookie, authMode);
    String client = clientName();
    refuseHosted(agentId);
    checkScope(client, agentId);
    AgentHandle handle =
        new AgentHandle(
            agentId,
            guid,
            cookie == null || cookie.isBlank() ? null : cookie,
            authMode == null ? 2 : authMode,
            SessionSource.RELAYED,
            Instant.now());
    SessionEntry[] before = {null};
    store.update(
        agentId,
        e -> {
          before[0] = e;
          return SessionEntry.live(handle);
        });
    boolean rotation =
        !newSession
            && before[0] != null
            && before[0].isUsable()
            && before[0].handle().source() == SessionSource.RELAYED;
    owners.put(agentId, client);
    holds.pushed(agentId); // the last console pushed to holds it, in the records too
    if (rotation) {
      return handle; // no audit row, no log line: every desktop pushes every rotation
    }
    sessionStarted.fireAsync(
        new SessionStarted(
            agentId, SessionSource.RELAYED, handle.obtainedAt(), "new relayed session"));
    audit.record(
        caller.name(),
        AuditAction.RELAY_SESSION_REGISTERED,
        "agent " + agentId,
        "authMode "
            + handle.authMode()
            + (handle.cookie() == null ? "" : ", with load-balancer cookie"),
        sourceIp);
    RelayWrites.one();
    return handle;
  }

  /** Withdraws an agent's relayed session (the desktop signed out); false if none was relayed. */
  public boolean unregister(int agentId, String sourceIp) {
    caller.require(Role.RELAY);
    checkAgent(agentId);
    checkScope(clientName(), agentId);
    boolean removed = removeRelayed(agentId);
    if (removed) {
      owners.remove(agentId);
      audit.record(
          caller.name(), AuditAction.RELAY_SESSION_WITHDRAWN, "agent " + agentId, null, sourceIp);
      RelayWrites.one();
    }
    return removed;
  }

  /**
   * Never over a hosted agent (the pool would poll with the desktop's Guid and steal its events),
   * and only within the client's scope.
   *
   * @throws AccessDeniedException otherwise (HTTP 403)
   */
  private void refuseHosted(int agentId) {
    if (hosted.pool().map(p -> p.hosts(agentId)).orElse(false)) {
      throw new AccessDeniedException(Text.of("relay.hosted", agentId));
    }
  }

  private void checkScope(String client, int agentId) {
    RelayScope scope = clients.scopeOf(client);
    if (!scope.allows(
        agentId, scope.teams().isEmpty() ? Optional.empty() : clients.teamOf(agentId))) {
      throw new AccessDeniedException(Text.of("relay.outOfScope", client, agentId));
    }
  }

  private String clientName() {
    String name = caller.name();
    return name.startsWith("relay:") ? name.substring("relay:".length()) : name;
  }

  /** Drops every session relayed by {@code client} (it was revoked); returns how many. */
  public int dropClient(String client) {
    int dropped = 0;
    for (Map.Entry<Integer, String> e : owners.entrySet()) {
      if (e.getValue().equals(client) && owners.remove(e.getKey(), client)) {
        removeRelayed(e.getKey());
        dropped++;
      }
    }
    return dropped;
  }

  /** Starts marking relayed sessions stale once they go without a push for the Guid timeout. */
  public synchronized void start() {
    if (sweeper == null) {
      sweeper = timers.get().scheduleWithFixedDelay(this::sweep, 500, 500, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
  }

  /** Marks relayed handles older than the Guid timeout stale (they can no longer be valid). */
  void sweep() {
    Instant limit = Instant.now().minusSeconds(guidTimeoutSeconds);
    String why = "no push for " + guidTimeoutSeconds + " s";
    for (SessionEntry entry : store.all()) {
      if (entry.availability() == Availability.RELAYED
          && entry.handle().obtainedAt().isBefore(limit)) {
        AgentHandle old = entry.handle();
        store.update(
            entry.agentId(),
            e -> e != null && e.handle() == old && e.isUsable() ? e.stale(why) : e);
      }
    }
  }

  private boolean removeRelayed(int agentId) {
    boolean[] removed = {false};
    store.update(
        agentId,
        e -> {
          if (e != null && e.handle() != null && e.handle().source() == SessionSource.RELAYED) {
            removed[0] = true;
            return null;
          }
          return e;
        });
    return removed[0];
  }

  static void validate(int agentId, String guid, String cookie, Integer authMode) {
    checkAgent(agentId);
    if (guid == null || guid.isBlank()) {
      throw new InvalidRelayRequestException("guid", Text.of("relay.guid.required"));
    }
    if (!Guids.isWellFormed(guid)) {
      throw new InvalidRelayRequestException("guid", Text.of("relay.guid.format"));
    }
    if (cookie != null
        && (cookie.length() > 512 || cookie.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      throw new InvalidRelayRequestException("cookie", Text.of("relay.cookie.length"));
    }
    if (authMode != null && authMode != 1 && authMode != 2) {
      throw new InvalidRelayRequestException("authMode", Text.of("relay.authMode.range"));
    }
  }

  static void checkAgent(int agentId) {
    if (!AgentId.isValid(agentId)) {
      throw new InvalidRelayRequestException("agentId", Text.of("relay.agentId.range", agentId));
    }
  }
}
