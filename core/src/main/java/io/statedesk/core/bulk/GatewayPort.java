package io.statedesk.core.bulk;

import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.GatewayClient;
import java.util.Optional;

/**
 * The three gateway calls a bulk change makes, as a seam: the engine runs on {@link GatewayClient},
 * the engine's unit tests on a scripted fake.
 */
public interface GatewayPort {

  /** {@code setcustomstate}. */
  void set(GatewayAuth auth, CustomState state);

  /** {@code cancelsetcustomstate}. */
  void clear(GatewayAuth auth);

  /** {@code querycustomstate}: empty when none is set. */
  Optional<CustomState> query(GatewayAuth auth);

  /** The real client. */
  static GatewayPort of(GatewayClient client) {
    return new GatewayPort() {
      @Override
      public void set(GatewayAuth auth, CustomState state) {
        client.setCustomState(auth, state);
      }

      @Override
      public void clear(GatewayAuth auth) {
        client.cancelCustomState(auth);
      }

      @Override
      public Optional<CustomState> query(GatewayAuth auth) {
        return client.queryCustomState(auth);
      }
    };
  }
}
