package io.statedesk.core.gateway;

import io.statedesk.core.gateway.GatewayRecords.AgentStatus;
import io.statedesk.core.gateway.GatewayRecords.GatewayAgent;
import io.statedesk.core.gateway.GatewayRecords.GatewayGroup;
import io.statedesk.core.gateway.GatewayRecords.GatewaySkill;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The typed CC-Gateway client: one method per interface StateDesk uses, each a {@link
 * GatewayRequest} sent once and its answer read by {@link GatewayReplies}. Calls travel on {@code
 * jakarta.ws.rs.client} ({@link JaxrsTransport}); held event polls and {@code updateGuid} on the
 * JDK's client unless configured otherwise ({@link JdkPollTransport}, see its why).
 *
 * <p>Built once and shared: the transports keep HTTP connections alive, so many calls reuse a few
 * TCP (and TLS) connections. Each call carries the agent's own Guid and session cookie from {@link
 * GatewayAuth}; nothing per agent is kept here. One {@code FINE} log line per call, with the Guid
 * masked ({@link GatewayCallLog}).
 */
public class GatewayClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GatewayClient.class.getName());

  private final GatewayConfig config;
  private final JaxrsTransport operations;
  private final JaxrsTransport jaxrsPolls;
  private final JdkPollTransport jdkPolls;

  /** Builds the transports for {@code config}; fails if the truststore cannot be read. */
  public GatewayClient(GatewayConfig config) {
    this.config = config;
    if (!config.verifyHostname()) {
      LOG.warning(
          "Host name verification for the CC-Gateway is OFF (statedesk.gateway.tls.verify-hostname=false):"
              + " any certificate trusted by the truststore is accepted for any host. Use only for testing.");
    }
    this.operations = new JaxrsTransport(config, config.operationTimeout());
    this.jdkPolls =
        config.pollTransport() == GatewayConfig.PollTransport.JDK && config.verifyHostname()
            ? new JdkPollTransport(config)
            : null;
    // JAX-RS has no per-request timeout: held polls over JAX-RS get a client of their own
    this.jaxrsPolls = jdkPolls == null ? new JaxrsTransport(config, config.pollTimeout()) : null;
  }

  public GatewayConfig config() {
    return config;
  }

  @Override
  public void close() {
    operations.close();
    if (jaxrsPolls != null) {
      jaxrsPolls.close();
    }
    if (jdkPolls != null) {
      jdkPolls.close();
    }
  }

  // --------------------------------------------------------------------- session lifecycle

  /** Sign-in, platform sign-in or forced sign-in; returns the Guid and the LB cookie to replay. */
  public SignInResult signIn(int agentId, SignInRequest request, SignInMode mode) {
    return GatewayReplies.signIn(operations.call(GatewayRequest.signIn(agentId, request, mode)));
  }

  /** {@code logout} or {@code forcelogout}. */
  public void signOut(GatewayAuth auth, boolean force) {
    operations.call(GatewayRequest.signOut(auth, force));
  }

  /**
   * The event long-poll, asynchronously: the gateway holds it up to ~10 s. A rotated Guid (AUTHMODE
   * 2) comes back in {@link PollResult#rotatedGuid()}.
   */
  public CompletionStage<PollResult> pollAsync(GatewayAuth auth) {
    GatewayRequest poll = GatewayRequest.poll(auth);
    CompletionStage<GatewayAnswer> answer =
        jdkPolls != null ? jdkPolls.send(poll, config.pollTimeout()) : jaxrsPolls.send(poll);
    return answer.thenApply(GatewayReplies::poll);
  }

  /**
   * {@code updateGuid} (gateway-api.md section 2.3), asynchronously: the gateway rotates the
   * session's Guid now and returns the new one in {@code result.guid}; the Guid sent stays valid
   * for the grace period like any rotated one.
   *
   * <p>Only for a session this console owns (a hosted one): it is how a hosted session whose poll
   * answer was lost (a read timeout, a broken connection) learns a Guid it can keep using, since
   * that answer may have carried the only {@code Set-GUID} of a rotation. Never for a relayed
   * session: it would rotate the Guid under the desktop that owns it (section 12, option B).
   */
  public CompletionStage<String> updateGuidAsync(GatewayAuth auth) {
    GatewayRequest update = GatewayRequest.updateGuid(auth);
    try {
      update.requireAgentId();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletionStage<GatewayAnswer> answer =
        jdkPolls != null
            ? jdkPolls.send(update, config.operationTimeout())
            : operations.send(update);
    return answer.thenApply(GatewayReplies::rotatedGuid);
  }

  /** The event poll, blocking. */
  public PollResult poll(GatewayAuth auth) {
    try {
      return pollAsync(auth).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof GatewayException g) {
        throw g;
      }
      throw e;
    }
  }

  // --------------------------------------------------------------------------- custom state

  /**
   * {@code setcustomstate}: {@code state} is within the gateway's range by its type, checked where
   * the code came in (a page, the API, a saved schedule).
   *
   * @throws InvalidGatewayRequestException if the session's agent id is out of range (nothing is
   *     sent)
   */
  public void setCustomState(GatewayAuth auth, CustomState state) {
    operations.call(GatewayRequest.setCustomState(auth, state));
  }

  /**
   * {@code querycustomstate}: the agent's custom state, or empty when none is set ({@link
   * CustomState#NOT_SET}).
   *
   * @throws GatewayUnavailableException ({@code BAD_RESPONSE}) for an answer that is neither a code
   *     nor "none"
   */
  public Optional<CustomState> queryCustomState(GatewayAuth auth) {
    return GatewayReplies.customState(operations.call(GatewayRequest.queryCustomState(auth)));
  }

  /** {@code cancelsetcustomstate}. */
  public void cancelCustomState(GatewayAuth auth) {
    operations.call(GatewayRequest.cancelCustomState(auth));
  }

  /** {@code agentstatus}: the agent's own state. */
  public AgentStatus agentStatus(GatewayAuth auth) {
    return GatewayReplies.agentStatus(operations.call(GatewayRequest.agentStatus(auth)));
  }

  // ------------------------------------------------------------------------ agentgroup (8.2)

  /** {@code agentgroup/{caller}/grouponvdn}. */
  public List<GatewayGroup> groups(GatewayAuth caller) {
    return GatewayReplies.groups(operations.call(GatewayRequest.groups(caller)));
  }

  /** {@code agentgroup/{caller}/agentongroupex?groupid=}. */
  public List<GatewayAgent> agentsOfGroup(GatewayAuth caller, int groupId) {
    return GatewayReplies.agents(operations.call(GatewayRequest.agentsOfGroup(caller, groupId)));
  }

  /** {@code agentgroup/{caller}/agentbyworkno/{workNo}}. */
  public GatewayAgent agent(GatewayAuth caller, AgentId workNo) {
    return GatewayReplies.agent(operations.call(GatewayRequest.agent(caller, workNo)));
  }

  /**
   * {@code onlineagent/{caller}/agentskillsbyworkno/{workNo}}: {@code workNo} is typed because the
   * one caller, the directory's reader, checks the numbers of the gateway's own lists first.
   */
  public List<GatewaySkill> skillsOf(GatewayAuth caller, AgentId workNo) {
    return GatewayReplies.skills(operations.call(GatewayRequest.skillsOf(caller, workNo)));
  }
}
