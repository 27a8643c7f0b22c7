package io.statedesk.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.statedesk.core.bulk.ChangeAudience;
import io.statedesk.core.bulk.ChangeProgressed;
import io.statedesk.core.directory.AgentAudience;
import io.statedesk.core.directory.AgentsChanged;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.PushContext;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push side of live updates without a server: bursts become a few messages, only users who may
 * see an agent or change are told, and nothing is sent to a channel nobody has open. The audiences'
 * rules themselves are core's (and LiveUpdatesIT checks them end to end); here they are fixed
 * answers.
 */
class LivePushTest {

  /** One message sent: to whom, what. */
  record Sent(String channel, Object message, Set<String> users) {}

  final List<Sent> sent = new CopyOnWriteArrayList<>();
  final List<Set<Integer>> asked = new CopyOnWriteArrayList<>();
  final LivePush push = new LivePush();

  /** alice sees agents 1..9999 and change 7; bob sees nothing of them. */
  @BeforeEach
  void wire() {
    push.agentsChannel = recorder("agents");
    push.changeChannel = recorder("change");
    push.agentAudience =
        new AgentAudience() {
          @Override
          public Set<String> seeingAny(Collection<Integer> agentIds, Collection<String> users) {
            asked.add(Set.copyOf(agentIds));
            return users.contains("alice") ? Set.of("alice") : Set.of();
          }
        };
    push.changeAudience =
        new ChangeAudience() {
          @Override
          public Set<String> seeing(long changeId, Collection<String> users) {
            return changeId == 7 && users.contains("alice") ? Set.of("alice") : Set.of();
          }
        };
    push.threads = new Threads();
  }

  @AfterEach
  void stop() {
    push.stop();
  }

  @Test
  void aBulkChangeOnFiveThousandAgentsIsAFewMessagesNotFiveThousand() {
    open("agents", "alice");
    open("agents", "bob");
    for (int agent = 1; agent <= 5000; agent++) {
      push.agentsChanged(new AgentsChanged(Set.of(agent)));
    }
    await().until(() -> asked.stream().mapToInt(Set::size).sum() == 5000);
    await().until(() -> !sent.isEmpty());

    assertThat(sent).hasSizeLessThanOrEqualTo(asked.size()).hasSizeLessThanOrEqualTo(4);
    assertThat(sent)
        .allSatisfy(
            s -> {
              assertThat(s.message()).isEqualTo(LivePush.REFRESH);
              assertThat(s.users()).containsExactly("alice");
            });
  }

  @Test
  void theChangePageIsToldTheChangeOnlyIfItsUserMaySeeIt() {
    open("change", "alice");
    open("change", "bob");
    push.changeProgressed(new ChangeProgressed(7));
    push.changeProgressed(new ChangeProgressed(7));
    push.changeProgressed(new ChangeProgressed(8));
    await().until(() -> !sent.isEmpty());
    push.flush();

    assertThat(sent).containsExactly(new Sent("change", 7L, Set.of("alice")));
  }

  @Test
  void nothingIsGatheredForAChannelNobodyHasOpen() {
    open("agents", "alice");
    close("agents", "alice");
    push.agentsChanged(new AgentsChanged(Set.of(1, 2, 3)));
    push.flush();

    assertThat(asked).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void aSecondTabKeepsTheUserToldWhenTheFirstCloses() {
    open("agents", "alice");
    open("agents", "alice");
    close("agents", "alice");
    push.agentsChanged(new AgentsChanged(Set.of(1)));
    await().until(() -> !sent.isEmpty());

    assertThat(sent).containsExactly(new Sent("agents", LivePush.REFRESH, Set.of("alice")));
  }

  void open(String channel, String user) {
    push.opened(new WebsocketEvent(channel, user, null));
  }

  void close(String channel, String user) {
    push.closed(new WebsocketEvent(channel, user, null));
  }

  PushContext recorder(String channel) {
    return new PushContext() {
      private static final long serialVersionUID = 1L;

      @Override
      public Set<Future<Void>> send(Object message) {
        throw new AssertionError("LivePush must never broadcast to every user");
      }

      @Override
      public <S extends Serializable> Set<Future<Void>> send(Object message, S user) {
        return send(message, List.of(user)).getOrDefault(user, Set.of());
      }

      @Override
      public <S extends Serializable> Map<S, Set<Future<Void>>> send(
          Object message, Collection<S> users) {
        Set<String> names = new HashSet<>();
        users.forEach(u -> names.add((String) u));
        sent.add(new Sent(channel, message, names));
        return new HashMap<>();
      }
    };
  }

  /** Plain threads standing in for the container's managed ones. */
  static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread t = new Thread(task, "live-push-test");
      t.setDaemon(true);
      return t;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException("not used by LivePush");
    }
  }
}
