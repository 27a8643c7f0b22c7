package io.statedesk.web.live;

import io.statedesk.core.bulk.ChangeAudience;
import io.statedesk.core.bulk.ChangeProgressed;
import io.statedesk.core.directory.AgentAudience;
import io.statedesk.core.directory.AgentsChanged;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells open pages that agents or changes they show have moved on, within about a second of the
 * console learning it (the directory writes them, core fires {@link AgentsChanged} or {@link
 * ChangeProgressed}, this observes them after the commit).
 *
 * <p>Why Jakarta Faces' own {@code f:websocket} and {@link PushContext}, not OmniFaces' {@code
 * o:socket} or a PrimeFaces push: it is the standard API of Faces 4, so it runs unchanged on every
 * server of the matrix (Payara Micro, Payara Server, WildFly), and it needs nothing but {@code
 * jakarta.faces.ENABLE_WEBSOCKET_ENDPOINT}. Its sockets are view scoped and bound to the signed-in
 * user ({@code user="#{request.remoteUser}"}), and the handshake passes the same security
 * constraint as the pages.
 *
 * <p>What is sent is a signal, never data: "refresh" to the picker, the change's id to the change
 * page (which re-reads only if it shows that change). The page then re-renders through its normal
 * bean and core's scoped queries. Even the signal goes only to users who may see one of the agents
 * ({@link AgentAudience}) or the change ({@link ChangeAudience}), so a supervisor does not learn
 * when another team's agents move.
 *
 * <p>Bursts are coalesced: events only mark agents and changes as dirty, and one flush a quarter
 * second later sends at most one message per channel and user (a change on 5,000 agents records its
 * results in batches and is a handful of messages per second, not 5,000). The browser side ({@code
 * StateDesk.live} in statedesk.js) refreshes at most once at a time.
 */
@ApplicationScoped
public class LivePush {

  private static final Logger LOG = Logger.getLogger(LivePush.class.getName());

  /** How long events gather before one flush sends them. */
  static final long COALESCE_MS = 250;

  /** The message the picker gets: re-read the rows. */
  static final String REFRESH = "refresh";

  @Inject
  @Push(channel = "agents")
  PushContext agentsChannel;

  @Inject
  @Push(channel = "change")
  PushContext changeChannel;

  @Inject AgentAudience agentAudience;
  @Inject ChangeAudience changeAudience;

  @Resource ManagedThreadFactory threads;

  /** Per channel, the users with a page open and how many sockets each has. */
  private final Map<String, Map<String, Integer>> open = new ConcurrentHashMap<>();

  private final Set<Integer> dirtyAgents = ConcurrentHashMap.newKeySet();
  private final Set<Long> dirtyChanges = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean flushPlanned = new AtomicBoolean();
  private ScheduledThreadPoolExecutor timer;

  void opened(@Observes @WebsocketEvent.Opened WebsocketEvent event) {
    if (event.getUser() instanceof String user) {
      open.computeIfAbsent(event.getChannel(), c -> new ConcurrentHashMap<>())
          .merge(user, 1, Integer::sum);
    }
  }

  void closed(@Observes @WebsocketEvent.Closed WebsocketEvent event) {
    Map<String, Integer> users = open.get(event.getChannel());
    if (users != null && event.getUser() instanceof String user) {
      users.computeIfPresent(user, (u, n) -> n > 1 ? n - 1 : null);
    }
  }

  void agentsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentsChanged changed) {
    if (!users("agents").isEmpty()) {
      dirtyAgents.addAll(changed.agentIds());
      planFlush();
    }
  }

  void changeProgressed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeProgressed progressed) {
    if (!users("change").isEmpty()) {
      dirtyChanges.add(progressed.changeId());
      planFlush();
    }
  }

  private Set<String> users(String channel) {
    Map<String, Integer> users = open.get(channel);
    return users == null ? Set.of() : Set.copyOf(users.keySet());
  }

  private void planFlush() {
    if (flushPlanned.compareAndSet(false, true)) {
      try {
        timer().schedule(this::flush, COALESCE_MS, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException replaced) {
        // a failed flush replaced the timer meanwhile: the next one takes it
        try {
          timer().schedule(this::flush, COALESCE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
          flushPlanned.set(false); // the console is stopping: nothing more to tell
        }
      }
    }
  }

  /** Sends what gathered since the last flush; what comes meanwhile plans the next one. */
  void flush() {
    flushPlanned.set(false);
    try {
      Set<Integer> agents = drain(dirtyAgents);
      Set<String> watching = users("agents");
      if (!agents.isEmpty() && !watching.isEmpty()) {
        Set<String> to = agentAudience.seeingAny(agents, watching);
        if (!to.isEmpty()) {
          agentsChannel.send(REFRESH, to);
        }
      }
      Set<String> following = users("change");
      for (Long change : drain(dirtyChanges)) {
        Set<String> to = changeAudience.seeing(change, following);
        if (!to.isEmpty()) {
          changeChannel.send(change, to);
        }
      }
    } catch (RuntimeException e) {
      // the pages' slow fallback refresh still brings them up to date; the next flush runs on a
      // new thread, so a thread whose context went bad (a run once saw every later flush fail with
      // "closed EntityManager") cannot silence live updates for good
      LOG.log(Level.WARNING, "Live update not sent", e);
      replaceTimer();
    }
  }

  /** The next {@link #timer()} is a new one; this one ends after its running flush. */
  private synchronized void replaceTimer() {
    if (timer != null) {
      timer.shutdown();
      timer = null;
    }
  }

  private static <T> Set<T> drain(Set<T> dirty) {
    Set<T> taken = new HashSet<>();
    for (T item : dirty) {
      if (dirty.remove(item)) {
        taken.add(item);
      }
    }
    return taken;
  }

  private synchronized ScheduledThreadPoolExecutor timer() {
    if (timer == null) {
      timer = new ScheduledThreadPoolExecutor(1, threads);
      timer.setRemoveOnCancelPolicy(true);
    }
    return timer;
  }

  @PreDestroy
  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
