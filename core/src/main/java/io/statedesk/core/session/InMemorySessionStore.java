package io.statedesk.core.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The session store of a single console instance: a concurrent map. */
@ApplicationScoped
public class InMemorySessionStore implements SessionStore {

  private final Map<Integer, SessionEntry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<SessionEntry> get(int agentId) {
    return Optional.ofNullable(entries.get(agentId));
  }

  @Override
  public void put(SessionEntry entry) {
    entries.put(entry.agentId(), entry);
  }

  @Override
  public SessionEntry update(int agentId, UnaryOperator<SessionEntry> change) {
    return entries.compute(agentId, (id, old) -> change.apply(old));
  }

  @Override
  public void remove(int agentId) {
    entries.remove(agentId);
  }

  @Override
  public Collection<SessionEntry> all() {
    return List.copyOf(entries.values());
  }
}
