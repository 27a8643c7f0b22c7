package io.statedesk.core.session;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link HostedSessionPool}'s watch on the hosted credentials: every {@link #CREDENTIALS_CHECK}
 * it signs in again the agents whose password was refused or missing, once the credentials have
 * changed since (one attempt per change: a refused password is never retried on its own, so that
 * the gateway does not lock the agent out).
 */
final class CredentialsRecheck {

  /** The pool's logger: operators filter these lines under the pool's name. */
  private static final Logger LOG = Logger.getLogger(HostedSessionPool.class.getName());

  /** How often the credentials are checked for a change (a file's modification time: cheap). */
  static final Duration CREDENTIALS_CHECK = Duration.ofSeconds(10);

  private final Collection<HostedAgent> agents;
  private final HostedCredentials credentials;
  private final SignInScheduler signIns;
  private final PoolTimer timer;
  private final BooleanSupplier stopped;

  /**
   * @param agents the hosted agents (a live view)
   * @param stopped whether the pool has stopped: no check is made or scheduled after
   */
  CredentialsRecheck(
      Collection<HostedAgent> agents,
      HostedCredentials credentials,
      SignInScheduler signIns,
      PoolTimer timer,
      BooleanSupplier stopped) {
    this.agents = agents;
    this.credentials = credentials;
    this.signIns = signIns;
    this.timer = timer;
    this.stopped = stopped;
  }

  /** Schedules the first check; each check schedules the next. */
  void start() {
    timer.after(CREDENTIALS_CHECK, this::recheck);
  }

  /**
   * Signs in again every agent whose credentials were refused or missing, if the credentials have
   * changed since; returns how many sign-ins were scheduled.
   */
  int credentialsChanged() {
    long version = credentials.version();
    int scheduled = 0;
    for (HostedAgent agent : agents) {
      HostedAgent.Phase phase = agent.phase();
      if ((phase == HostedAgent.Phase.REFUSED || phase == HostedAgent.Phase.NO_CREDENTIALS)
          && !agent.refusedAt(version)
          && signIns.schedule(agent, Duration.ZERO)) {
        scheduled++;
      }
    }
    return scheduled;
  }

  private void recheck() {
    if (stopped.getAsBoolean()) {
      return;
    }
    try {
      int scheduled = credentialsChanged();
      if (scheduled > 0) {
        LOG.info(() -> "Hosted credentials changed: signing in " + scheduled + " refused agents");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Hosted credentials could not be re-read", e);
    }
    timer.after(CREDENTIALS_CHECK, this::recheck);
  }
}
