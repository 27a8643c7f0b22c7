package io.statedesk.core.account;

import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a user's open sessions, API tokens and cached passwords are checked against on every
 * request: the account's security stamp, enabled flag and roles.
 *
 * <p>Why a stamp: roles used to be frozen in the HTTP session at sign-in, so disabling a user,
 * taking a role away or resetting a password left that user's sessions working. Now a session keeps
 * the stamp it signed in with, and a request whose stamp differs from the account's ends the
 * session. Reading the account on every request would cost a query per page resource, so the answer
 * is cached for {@code statedesk.security.stamp-cache-seconds} (default 5) and forgotten at once on
 * this instance when an admin changes the account ({@link AccountChanged}, after commit); other
 * instances see the change within that time.
 */
@ApplicationScoped
public class SecurityStamps {

  /** The account as requests are checked against it. */
  public record Current(long stamp, boolean enabled, Set<Role> roles) {
    public Current {
      roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Enabled and holding at least one role: someone who may use the console. */
    public boolean usable() {
      return enabled && !roles.isEmpty();
    }
  }

  /** Fired (in the changing transaction) when a user's roles, enabled flag or password change. */
  public record AccountChanged(String username) {}

  private record Cached(Optional<Current> current, Instant until) {}

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "statedesk.security.stamp-cache-seconds", defaultValue = "5")
  int cacheSeconds;

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** The account's current stamp, enabled flag and roles; empty for an unknown user. */
  public Optional<Current> current(String username) {
    Instant now = clock.instant();
    Cached cached = cache.get(username);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.current();
    }
    Optional<Current> current =
        em.createQuery("select u from UserAccount u where u.username = :u", UserAccount.class)
            .setParameter("u", username)
            .getResultStream()
            .findFirst()
            .map(a -> new Current(a.getSecurityStamp(), a.isEnabled(), a.getRoles()));
    if (cache.size() > 10_000) {
      cache.clear(); // a bound, not an eviction policy: console users are few
    }
    cache.put(username, new Cached(current, now.plus(Duration.ofSeconds(cacheSeconds))));
    return current;
  }

  /** Whether a session or credential made with {@code stamp} is still good for {@code username}. */
  public boolean valid(String username, long stamp) {
    return current(username).filter(Current::usable).filter(c -> c.stamp() == stamp).isPresent();
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
    cache.remove(changed.username());
  }
}
