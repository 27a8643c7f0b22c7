package io.statedesk.core.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/** The session store of a single console instance: a concurrent map. */
@ApplicationScoped
public class InMemorySessionStore implements SessionStore {

  private final Map<Integer, SessionEntry> entries = new ConcurrentHashMap<>();
  private final List<BiConsumer<Integer, Availability>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public Optional<SessionEntry> get(int agentId) {
    return Optional.ofNullable(entries.get(agentId));
  }

  @Override
  public void put(SessionEntry entry) {
    entries.put(entry.agentId(), entry);
    notify(entry.agentId(), entry.availability());
  }

  @Override
  public SessionEntry update(int agentId, UnaryOperator<SessionEntry> change) {
    SessionEntry now = entries.compute(agentId, (id, old) -> change.apply(old));
    notify(agentId, now == null ? Availability.NONE : now.availability());
    return now;
  }

  @Override
  public void remove(int agentId) {
    entries.remove(agentId);
    notify(agentId, Availability.NONE);
  }

  @Override
  public void addListener(BiConsumer<Integer, Availability> listener) {
    listeners.add(listener);
  }

  private void notify(int agentId, Availability availability) {
    for (var listener : listeners) {
      listener.accept(agentId, availability);
    }
  }

  @Override
  public Collection<SessionEntry> all() {
    return List.copyOf(entries.values());
  }
}
