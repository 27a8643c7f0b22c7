package io.statedesk.core.bulk;

import io.statedesk.core.gateway.AgentId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the calls for one agent on this instance (striped: agents share a few locks), so that
 * a desired-state re-application and a change's call for the same agent never interleave between a
 * check and a set.
 */
final class AgentLocks {

  private final ReentrantLock[] stripes = new ReentrantLock[256];

  AgentLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  <T> T with(AgentId agentId, Supplier<T> work) {
    ReentrantLock lock = stripes[Math.floorMod(agentId.value(), stripes.length)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
