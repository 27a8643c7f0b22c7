package io.statedesk.core.session;

import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.gateway.Guids;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;

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
    if (!rotation) {
      sessionStarted.fireAsync(
          new SessionStarted(
              agentId, SessionSource.RELAYED, handle.obtainedAt(), "new relayed session"));
    }
    audit.record(
        caller.name(),
        "relay.session.registered",
        "agent " + agentId,
        "authMode "
            + handle.authMode()
            + (handle.cookie() == null ? "" : ", with load-balancer cookie"),
        sourceIp);
    return handle;
  }

  /** Withdraws an agent's relayed session (the desktop signed out); false if none was relayed. */
  public boolean unregister(int agentId, String sourceIp) {
    caller.require(Role.RELAY);
    checkAgent(agentId);
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
    if (removed[0]) {
      audit.record(caller.name(), "relay.session.withdrawn", "agent " + agentId, null, sourceIp);
    }
    return removed[0];
  }

  static void validate(int agentId, String guid, String cookie, Integer authMode) {
    checkAgent(agentId);
    if (guid == null || guid.isBlank()) {
      throw new InvalidRelayRequestException("guid", "is required");
    }
    if (!Guids.isWellFormed(guid)) {
      throw new InvalidRelayRequestException(
          "guid",
          "does not look like a gateway Guid (letters, digits and dashes, 16-64 characters, optional .node suffix)");
    }
    if (cookie != null
        && (cookie.length() > 512 || cookie.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      throw new InvalidRelayRequestException("cookie", "must be at most 512 printable characters");
    }
    if (authMode != null && authMode != 1 && authMode != 2) {
      throw new InvalidRelayRequestException("authMode", "must be 1 or 2");
    }
  }

  static void checkAgent(int agentId) {
    if (agentId < 101 || agentId > 999_999) {
      throw new InvalidRelayRequestException("agentId", "must be 101..999999, was " + agentId);
    }
  }
}
