package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Reads every agent's current custom state back from the gateway ({@code querycustomstate}, with
 * the agent's own session handle) after a directory sync, so that states set outside StateDesk show
 * too. Agents without a usable session are skipped; their last known state stays.
 */
@ApplicationScoped
public class CustomStateReadBack {

  private static final Logger LOG = Logger.getLogger(CustomStateReadBack.class.getName());

  @Inject GatewayClient client;
  @Inject AgentDirectory directory;

  /**
   * Reads back and records the custom states.
   *
   * @param handles the current session handle of an agent, if it has one
   */
  public int readBack(Function<Integer, Optional<GatewayAuth>> handles) {
    Map<Integer, Integer> states = new HashMap<>();
    int failed = 0;
    for (int agentId : directory.allIds()) {
      Optional<GatewayAuth> auth = handles.apply(agentId);
      if (auth.isEmpty()) {
        continue;
      }
      try {
        states.put(agentId, client.queryCustomState(auth.get()).orElse(null));
      } catch (GatewayException e) {
        failed++;
      }
    }
    if (!states.isEmpty()) {
      directory.applyCustomStates(states);
    }
    int failures = failed;
    LOG.fine(() -> "Read back " + states.size() + " custom states (" + failures + " failed)");
    return states.size();
  }
}
