package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.RetcodeClass;
import io.statedesk.core.session.HostedAgent.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One hosted sign-in and what its answer means (the table is in docs/src/gateway.md, "What the
 * console does on each retcode").
 *
 * <p>Force is used only when configured ({@code statedesk.sessions.hosted.force}) or to take back
 * exactly the sessions this console held before an unclean stop: anything else would override a
 * desktop's forced sign-in or a supervisor's forced sign-out within one poll, again and again.
 * Refused credentials are not retried until they change, because every failed attempt counts
 * towards locking the agent's CTI account.
 */
final class HostedSignIn {

  private static final Logger LOG = Logger.getLogger(HostedSignIn.class.getName());

  /** Hosted agents are signed in busy: status 3 routes no call to a session nobody sits at. */
  static final int BUSY = 3;

  /** What the pool does with the outcome. */
  interface Outcomes {
    /** A new session of generation {@code generation}. */
    void live(HostedAgent agent, AgentHandle handle, long generation, String reason);

    /** Try again after {@code delay}. */
    void retry(HostedAgent agent, Duration delay);

    /** Capped, jittered backoff for the agent's next transient failure. */
    Duration backoff(HostedAgent agent);
  }

  private final GatewayClient client;
  private final SessionStore store;
  private final PoolSettings settings;
  private final HostedCredentials credentials;
  private final Clock clock;
  private final Instant startedAt;
  private final Outcomes outcomes;

  HostedSignIn(
      GatewayClient client,
      SessionStore store,
      PoolSettings settings,
      HostedCredentials credentials,
      Clock clock,
      Outcomes outcomes) {
    this.client = client;
    this.store = store;
    this.settings = settings;
    this.credentials = credentials;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.outcomes = outcomes;
  }

  /** Signs {@code agent} in once and settles it; runs on the sign-in executor. */
  void run(HostedAgent agent) {
    Phase before = agent.phase();
    long version = credentials.version();
    Optional<String> password = credentials.passwordOf(agent.id);
    if (password.isEmpty()) {
      agent.refused(version);
      settle(agent, Phase.NO_CREDENTIALS, "no credentials configured for this agent");
      return;
    }
    boolean reclaim = agent.reclaimByForce();
    SignInRequest request =
        new SignInRequest(password.get(), credentials.phoneOf(agent.id).orElse(null), BUSY, false);
    try {
      SignInResult result = signIn(agent, request, reclaim ? SignInMode.FORCE : settings.mode());
      AgentHandle handle =
          new AgentHandle(
              agent.id,
              result.auth().guid(),
              result.auth().cookie(),
              settings.assumedAuthMode(),
              SessionSource.HOSTED,
              clock.instant());
      store.put(SessionEntry.live(handle));
      outcomes.live(agent, handle, agent.live(), reason(before, reclaim));
    } catch (ElsewhereException e) {
      elsewhere(agent, before);
    } catch (GatewayRejectedException e) {
      rejected(agent, e, version);
    } catch (GatewayException e) {
      unavailable(agent, "gateway unavailable: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Hosted sign-in of agent " + agent.id + " failed unexpectedly", e);
      unavailable(agent, "sign-in failed unexpectedly");
    }
  }

  private SignInResult signIn(HostedAgent agent, SignInRequest request, SignInMode mode) {
    try {
      return client.signIn(agent.id, request, mode);
    } catch (GatewayRejectedException e) {
      if (!"100-002".equals(e.retcode().code()) || mode == SignInMode.FORCE) {
        throw e;
      }
      if (!settings.forceIfElsewhere()) {
        throw new ElsewhereException();
      }
      return client.signIn(agent.id, request, SignInMode.FORCE);
    }
  }

  /**
   * 100-002 with force off. Right after start it is most likely this console's own session from
   * before (the gateway keeps it until its session timeout): retried often until then. Otherwise
   * somebody else holds it: "taken over", retried rarely and never by force.
   */
  private void elsewhere(HostedAgent agent, Phase before) {
    boolean early =
        clock.instant().isBefore(startedAt.plus(settings.sessionTimeout()))
            && (before == Phase.NEW || before == Phase.RECLAIMING);
    if (early) {
      settle(agent, Phase.RECLAIMING, "signed in elsewhere (100-002): retrying");
      outcomes.retry(agent, settings.reclaimRetry());
    } else {
      settle(agent, Phase.TAKEN_OVER, "taken over: signed in elsewhere (100-002)");
      outcomes.retry(agent, settings.takenOverRetry());
    }
  }

  private void rejected(HostedAgent agent, GatewayRejectedException e, long version) {
    String code = e.retcode().code() + " " + e.retcode().meaning();
    RetcodeClass kind = e.retcodeClass();
    if (kind == RetcodeClass.INVALID_REQUEST || kind == RetcodeClass.UNKNOWN) {
      agent.refused(version);
      settle(agent, Phase.REFUSED, "sign-in refused: " + code);
    } else if (kind == RetcodeClass.AGENT_STATE) {
      settle(agent, Phase.TAKEN_OVER, "taken over: " + code);
      outcomes.retry(agent, settings.takenOverRetry());
    } else {
      unavailable(agent, "sign-in failed: " + code);
    }
  }

  private void unavailable(HostedAgent agent, String why) {
    Duration delay = outcomes.backoff(agent);
    settle(agent, Phase.UNAVAILABLE, why);
    outcomes.retry(agent, delay);
  }

  private void settle(HostedAgent agent, Phase phase, String note) {
    store.put(
        phase == Phase.TAKEN_OVER || phase == Phase.RECLAIMING
            ? SessionEntry.takenOver(agent.id, note)
            : SessionEntry.none(agent.id, SessionSource.HOSTED, note));
    agent.settle(phase);
  }

  private static String reason(Phase before, boolean reclaim) {
    if (reclaim || before == Phase.RECLAIMING) {
      return "restart";
    }
    return switch (before) {
      case NEW -> "first sign-in";
      case LOST, LIVE -> "signed in again after the gateway ended the session";
      case TAKEN_OVER -> "signed in again after the session was given up elsewhere";
      case REFUSED, NO_CREDENTIALS -> "signed in after the credentials changed";
      case UNAVAILABLE, RECLAIMING -> "signed in after the gateway was unavailable";
    };
  }

  /** 100-002 and force is off: internal to this class. */
  private static final class ElsewhereException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ElsewhereException() {
      super(null, null, false, false);
    }
  }
}
