package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayConfig;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.GatewayUnavailableException;
import io.statedesk.core.gateway.Retcodes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gateway client that answers from a script: sign-ins return new Guids or scripted retcodes,
 * polls stay pending until the test answers them.
 */
final class FakeGateway extends GatewayClient {

  record SignIn(int agentId, SignInMode mode, SignInRequest request) {}

  record Poll(GatewayAuth auth, CompletableFuture<PollResult> answer) {
    void empty() {
      answer.complete(new PollResult(Optional.empty(), Optional.empty()));
    }

    void rotate(String guid) {
      answer.complete(new PollResult(Optional.empty(), Optional.of(guid)));
    }

    void refuse(String retcode) {
      answer.completeExceptionally(
          new GatewayRejectedException("getAgentEvent", auth.agentId(), Retcodes.of(retcode)));
    }

    /** No answer within the read timeout: whatever the gateway answered (a rotation?) is lost. */
    void timeOut() {
      answer.completeExceptionally(
          GatewayUnavailableException.timeout(
              new GatewayUnavailableException.Call("getAgentEvent", auth.agentId()), null, null));
    }
  }

  /** An {@code updateGuid} call, pending until the test answers it. */
  record Refresh(GatewayAuth auth, CompletableFuture<String> answer) {
    void grant(String guid) {
      answer.complete(guid);
    }

    void refuse(String retcode) {
      answer.completeExceptionally(
          new GatewayRejectedException("updateGuid", auth.agentId(), Retcodes.of(retcode)));
    }

    void unavailable() {
      answer.completeExceptionally(
          GatewayUnavailableException.connect(
              new GatewayUnavailableException.Call("updateGuid", auth.agentId()), null, null));
    }
  }

  final List<SignIn> signIns = new ArrayList<>();
  final List<Poll> polls = new ArrayList<>();
  final List<Refresh> refreshes = new ArrayList<>();
  private final Map<Integer, Deque<String>> scripted = new ConcurrentHashMap<>();
  private int guids;

  FakeGateway() {
    super(GatewayConfig.of("http://127.0.0.1:9/agentgateway/resource"));
  }

  /** The next sign-ins of {@code agentId} answer these retcodes ("0" for success), in order. */
  synchronized void script(int agentId, String... retcodes) {
    scripted.computeIfAbsent(agentId, id -> new ArrayDeque<>()).addAll(List.of(retcodes));
  }

  @Override
  public synchronized SignInResult signIn(int agentId, SignInRequest request, SignInMode mode) {
    signIns.add(new SignIn(agentId, mode, request));
    Deque<String> next = scripted.get(agentId);
    String retcode = next == null || next.isEmpty() ? "0" : next.poll();
    if (!"0".equals(retcode)) {
      throw new GatewayRejectedException("login", agentId, Retcodes.of(retcode));
    }
    String guid = "guid-" + agentId + "-" + (++guids) + "-aaaaaaaaaaaa";
    return new SignInResult(new GatewayAuth(agentId, guid, null), "fake", Instant.now());
  }

  @Override
  public synchronized CompletionStage<PollResult> pollAsync(GatewayAuth auth) {
    CompletableFuture<PollResult> answer = new CompletableFuture<>();
    polls.add(new Poll(auth, answer));
    return answer;
  }

  @Override
  public synchronized CompletionStage<String> updateGuidAsync(GatewayAuth auth) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    refreshes.add(new Refresh(auth, answer));
    return answer;
  }

  @Override
  public void signOut(GatewayAuth auth, boolean force) {}

  synchronized List<SignIn> signIns(int agentId) {
    return signIns.stream().filter(s -> s.agentId() == agentId).toList();
  }

  /** The {@code updateGuid} calls of {@code agentId}, answered or not. */
  synchronized List<Refresh> refreshes(int agentId) {
    return refreshes.stream().filter(r -> r.auth().agentId() == agentId).toList();
  }

  /** The polls of {@code agentId} not answered yet. */
  synchronized List<Poll> pending(int agentId) {
    return polls.stream()
        .filter(p -> p.auth().agentId() == agentId && !p.answer().isDone())
        .toList();
  }
}
