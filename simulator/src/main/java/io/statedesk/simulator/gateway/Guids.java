package io.statedesk.simulator.gateway;

import java.util.UUID;

/** Guid helpers: the gateway's format, and masking for logs and the request record. */
public final class Guids {

  private Guids() {}

  /** e.g. {@code 279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0} (section 1.2). */
  static String newGuid(int node) {
    return UUID.randomUUID() + ".AgentGateway" + node;
  }

  /**
   * The first four characters and an ellipsis: enough to tell Guids apart, useless to an attacker.
   */
  public static String mask(String guid) {
    if (guid == null || guid.isEmpty()) {
      return "-";
    }
    return guid.length() <= 4 ? "****" : guid.substring(0, 4) + "…";
  }
}
