package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.RetcodeClass;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The event long-poll that keeps one hosted session alive and follows its Guid (gateway-api.md
 * sections 2.2 and 7.1): poll, pause 200-500 ms, poll again, for as long as the session lasts.
 *
 * <p>Each chain belongs to one session generation of one agent ({@link HostedAgent}) and carries
 * the handle it polls with. It ends quietly as soon as its generation is no longer the current one,
 * so an agent never has two chains (two chains were how the gateway saw a poll with an old Guid).
 * Only the chain rotates the Guid in the store, and only if the store still holds the Guid it
 * replaced. A stale-session answer ends the session only for the current generation: an answer for
 * a Guid that was already replaced does nothing. A poll that fails otherwise is followed, in
 * AUTHMODE 2, by {@code updateGuid} before the next poll (see {@code refresh}: why).
 */
final class PollChain {

  /** Told once when the current session of an agent ended at the gateway. */
  interface SessionEnd {
    void ended(HostedAgent agent, AgentHandle handle, String why);
  }

  private final GatewayClient client;
  private final SessionStore store;
  private final PoolTimer timer;
  private final Duration pause;
  private final Consumer<GatewayEvent> events;
  private final SessionEnd onEnd;
  private final IntFunction<Duration> backoff;
  private final Clock clock;

  PollChain(
      GatewayClient client,
      SessionStore store,
      PoolTimer timer,
      Duration pause,
      Consumer<GatewayEvent> events,
      SessionEnd onEnd,
      IntFunction<Duration> backoff,
      Clock clock) {
    this.client = client;
    this.store = store;
    this.timer = timer;
    this.pause = pause;
    this.events = events;
    this.onEnd = onEnd;
    this.backoff = backoff;
    this.clock = clock;
  }

  /** Starts the chain of a new session at once: the gateway wants the first poll right away. */
  void start(HostedAgent agent, long generation, AgentHandle handle) {
    poll(agent, generation, handle);
  }

  private void poll(HostedAgent agent, long generation, AgentHandle handle) {
    if (!agent.isCurrent(generation)) {
      return;
    }
    try {
      client
          .pollAsync(handle.auth())
          .whenComplete((result, failure) -> answered(agent, generation, handle, result, failure));
    } catch (RuntimeException e) {
      answered(agent, generation, handle, null, e);
    }
  }

  private void answered(
      HostedAgent agent,
      long generation,
      AgentHandle handle,
      PollResult result,
      Throwable failure) {
    if (!agent.isCurrent(generation)) {
      return; // superseded: a newer session has its own chain
    }
    if (failure == null) {
      agent.clearFailures();
      AgentHandle next = result.rotatedGuid().map(g -> rotate(handle, g)).orElse(handle);
      result.event().ifPresent(events);
      then(pause, () -> poll(agent, generation, next));
      return;
    }
    Throwable cause = unwrap(failure);
    if (isStale(cause)) {
      if (agent.end(generation)) {
        onEnd.ended(agent, handle, "session ended at the gateway (" + retcodeOf(cause) + ")");
      }
      return;
    }
    int failures = agent.nextFailure();
    if (handle.authMode() == 2) {
      refresh(agent, generation, handle, failures);
    } else {
      then(backoff.apply(failures), () -> poll(agent, generation, handle));
    }
  }

  /**
   * After a poll that failed without a stale-session answer (no answer in time, a broken
   * connection, an HTTP error, a transient retcode) in AUTHMODE 2: fetch a fresh Guid with {@code
   * updateGuid} at once, then poll with it.
   *
   * <p>Why: the gateway delivers a rotated Guid only on a poll answer ({@code Set-GUID},
   * gateway-api.md 2.2 and 7.1), once. If the failed poll's answer carried it (the gateway rotated
   * while the console had already given up on the answer), the console still holds the previous
   * Guid, which the gateway accepts only until {@code GUIDTIMEOUT} after it was issued, while the
   * next {@code Set-GUID} comes a whole {@code GUIDINTERVAL} after the lost one: polling on with
   * the previous Guid ends in {@code 100-006} and a new sign-in, which costs the agent its custom
   * state (issue 16's endurance failure). Polling again cannot help: the gateway does not repeat a
   * {@code Set-GUID}. {@code updateGuid} is the documented way to get the current Guid with a valid
   * one, and the console owns a hosted session, so rotating it under nobody else is safe. If it
   * fails transiently, the poll is retried with backoff as before (and a failed retry refreshes
   * again); if the gateway refuses the Guid, the session is over and ends as on a poll.
   */
  private void refresh(HostedAgent agent, long generation, AgentHandle handle, int failures) {
    try {
      client
          .updateGuidAsync(handle.auth())
          .whenComplete(
              (guid, failure) -> refreshed(agent, generation, handle, failures, guid, failure));
    } catch (RuntimeException e) {
      refreshed(agent, generation, handle, failures, null, e);
    }
  }

  private void refreshed(
      HostedAgent agent,
      long generation,
      AgentHandle handle,
      int failures,
      String guid,
      Throwable failure) {
    if (!agent.isCurrent(generation)) {
      return;
    }
    if (failure == null) {
      AgentHandle next = rotate(handle, guid);
      then(pause, () -> poll(agent, generation, next));
      return;
    }
    Throwable cause = unwrap(failure);
    if (isStale(cause)) {
      if (agent.end(generation)) {
        onEnd.ended(
            agent,
            handle,
            "Guid refused after a failed poll (" + retcodeOf(cause) + "), session ended");
      }
      return;
    }
    then(backoff.apply(failures), () -> poll(agent, generation, handle));
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static boolean isStale(Throwable cause) {
    return cause instanceof GatewayRejectedException r
        && r.retcodeClass() == RetcodeClass.STALE_SESSION;
  }

  private static String retcodeOf(Throwable cause) {
    return ((GatewayRejectedException) cause).retcode().code();
  }

  /** The rotated handle; written to the store only over the Guid it replaces. */
  private AgentHandle rotate(AgentHandle handle, String guid) {
    AgentHandle rotated = handle.withGuid(guid, clock.instant());
    store.update(
        handle.agentId(),
        e ->
            e != null && e.handle() != null && e.handle().guid().equals(handle.guid())
                ? SessionEntry.live(rotated)
                : e);
    return rotated;
  }

  private void then(Duration delay, Runnable next) {
    timer.after(delay, next);
  }
}
