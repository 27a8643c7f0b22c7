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
 * a Guid that was already replaced does nothing.
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
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof GatewayRejectedException r
        && r.retcodeClass() == RetcodeClass.STALE_SESSION) {
      if (agent.end(generation)) {
        onEnd.ended(agent, handle, "session ended at the gateway (" + r.retcode().code() + ")");
      }
      return;
    }
    then(backoff.apply(agent.nextFailure()), () -> poll(agent, generation, handle));
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
