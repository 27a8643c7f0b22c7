package io.statedesk.core.gateway;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many consoles share the gateway's allowance now: the live members of the cluster, as the
 * membership heartbeat last counted them; 1 for a console alone. Read by every {@link SharedRate}.
 */
@ApplicationScoped
public class LiveConsoles {

  private volatile int count = 1;

  public int get() {
    return count;
  }

  /** Set by the cluster heartbeat after each count of the live members. */
  public void set(int live) {
    count = Math.max(1, live);
  }
}
