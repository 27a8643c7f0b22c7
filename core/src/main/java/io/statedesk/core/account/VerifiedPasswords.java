package io.statedesk.core.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, user name and password pairs that the identity stores accepted on
 * an API request with {@code Authorization: Basic} (where an admin allows Basic at all), so that a
 * script polling with a password does not cost a 600,000-iteration PBKDF2 per request.
 *
 * <p>What is kept: an HMAC-SHA256 of name and password under a key drawn at random when the process
 * starts and never stored, mapped to the user, their groups and the account's security stamp.
 * Neither the password nor anything that could be tested offline without the key is in memory; a
 * restart forgets everything. An entry lives {@link #TTL} and is used only while the account's
 * stamp is unchanged, so a password reset, a role change or disabling ends it at once.
 */
@ApplicationScoped
public class VerifiedPasswords {

  /** A cached successful check. */
  public record Verified(String username, Set<String> groups) {}

  private record Entry(Verified verified, long stamp, Instant until) {}

  static final Duration TTL = Duration.ofSeconds(60);

  @Inject SecurityStamps stamps;

  private final SecretKeySpec key;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  public VerifiedPasswords() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    key = new SecretKeySpec(random, "HmacSHA256");
  }

  /** The cached result for this name and password, if fresh and the account unchanged. */
  public Optional<Verified> lookup(String username, char[] password) {
    String id = fingerprint(username, password);
    Entry e = entries.get(id);
    if (e == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(e.until()) || !stamps.valid(username, e.stamp())) {
      entries.remove(id);
      return Optional.empty();
    }
    return Optional.of(e.verified());
  }

  /** Remembers a check the identity stores just passed. */
  public void remember(String username, char[] password, Set<String> groups) {
    stamps
        .current(username)
        .ifPresent(
            c -> {
              Instant now = clock.instant();
              if (entries.size() > 10_000) {
                entries.values().removeIf(e -> !now.isBefore(e.until()));
              }
              entries.put(
                  fingerprint(username, password),
                  new Entry(new Verified(username, groups), c.stamp(), now.plus(TTL)));
            });
  }

  String fingerprint(String username, char[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of()
          .formatHex(mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
