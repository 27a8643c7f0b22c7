package io.statedesk.simulator.gateway;

import io.statedesk.simulator.gateway.Gateway.Credentials;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The preamble every call but the sign-ins shares (section 2), written once: the {@code guid}
 * header, the agent's session, the load-balancer cookie and the Guid's age resolve to the caller's
 * session or to the retcode that refuses the call. A Guid that is unknown, expired, superseded or
 * another agent's is counted in {@link GatewayStats}.
 */
final class Preamble {

  /** The caller's session, or the answer that refuses the call ({@code session} then null). */
  record Access(Session session, Reply refusal) {

    static Access granted(Session session) {
      return new Access(session, null);
    }

    static Access refused(String retcode) {
      return new Access(null, Reply.error(retcode));
    }
  }

  private final SessionStore store;
  private final Supplier<GatewaySettings> settings;
  private final LongSupplier clock;
  private final GatewayStats stats;

  Preamble(
      SessionStore store,
      Supplier<GatewaySettings> settings,
      LongSupplier clock,
      GatewayStats stats) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.stats = stats;
  }

  /**
   * Resolves a call of {@code iface} (its path name, for the stats) for agent {@code workNo}: no
   * Guid, an unknown or expired one, or no session {@code 100-006}; a Guid issued to another agent
   * {@code 000-003}; with the LB cookie on, a request without the session's cookie reaches a node
   * that does not know the session, so {@code 100-006}. In AUTHMODE 2 the previous Guid works until
   * it is {@code guidTimeoutMs} old. A granted call counts as the session's activity (MAXTIME).
   */
  Access resolve(int workNo, Credentials credentials, String iface) {
    String guid = credentials == null ? null : credentials.guid();
    if (guid == null || guid.isBlank()) {
      return Access.refused(Retcodes.NOT_SIGNED_IN);
    }
    guid = guid.trim();
    long now = clock.getAsLong();
    Session session = store.live(workNo, now);
    if (session == null) {
      return staleGuid(guid, workNo, iface);
    }
    GatewaySettings s = settings.get();
    synchronized (session) {
      if (s.lbCookie()
          && session.lbCookie != null
          && !cookieMatches(credentials.cookie(), session)) {
        return Access.refused(Retcodes.NOT_SIGNED_IN);
      }
      boolean current =
          guid.equals(session.guid)
              && (s.authMode() == 1 || now - session.guidIssuedAt < s.guidTimeoutMs());
      boolean previous =
          s.authMode() == 2
              && guid.equals(session.previousGuid)
              && now - session.previousGuidIssuedAt < s.guidTimeoutMs();
      if (!current && !previous) {
        return staleGuid(guid, workNo, iface);
      }
      session.lastRequestAt = now;
      return Access.granted(session);
    }
  }

  private static boolean cookieMatches(String cookieHeader, Session session) {
    if (cookieHeader == null) {
      return false;
    }
    for (String part : cookieHeader.split(";")) {
      if (part.trim().equals(session.lbCookie)) {
        return true;
      }
    }
    return false;
  }

  /** A Guid that is unknown, expired, superseded or another agent's: counted, then refused. */
  private Access staleGuid(String guid, int workNo, String iface) {
    stats.staleGuidRefused(workNo, iface);
    Integer owner = store.ownerOf(guid);
    return Access.refused(
        owner != null && owner != workNo ? Retcodes.NO_PERMISSION : Retcodes.NOT_SIGNED_IN);
  }
}
