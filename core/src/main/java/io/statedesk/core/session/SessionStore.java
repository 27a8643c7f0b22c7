package io.statedesk.core.session;

import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Where session handles live: in memory, never in the database (Guids are bearer credentials). An
 * interface so that a cluster can back it with the server's distributed cache (JCache) later.
 */
public interface SessionStore {

  Optional<SessionEntry> get(int agentId);

  void put(SessionEntry entry);

  /** Atomically replaces the entry (or its absence, as {@code null}) by {@code change}'s result. */
  SessionEntry update(int agentId, UnaryOperator<SessionEntry> change);

  void remove(int agentId);

  Collection<SessionEntry> all();

  /** Called with (agent id, availability) after every change; availability NONE when removed. */
  void addListener(BiConsumer<Integer, Availability> listener);
}
