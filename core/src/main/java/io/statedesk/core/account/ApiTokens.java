package io.statedesk.core.account;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Personal API tokens: each user creates, names, scopes and revokes their own; admins see and
 * revoke everyone's. Checked on every {@code Authorization: Bearer} API request.
 *
 * <p>Why a single SHA-256 and not PBKDF2: a token is 256 random bits, not something a person chose,
 * so there is no dictionary to try and a slow hash would add nothing but cost; one SHA-256 takes
 * about a microsecond, where the 600,000-iteration PBKDF2 of a password takes over 100 ms. A stolen
 * table of hashes still gives nothing to sign in with.
 *
 * <p>A checked token is cached for a few seconds (hash → row), so a polling script costs a map
 * lookup and a hash per request; revocation on this instance drops the entry at once. "Last used"
 * is written at most once a minute per token, never per request.
 */
@ApplicationScoped
public class ApiTokens {

  /** What the console shows of a token: never the secret, never its hash. */
  public record TokenView(
      long id,
      String username,
      String name,
      ApiToken.Scope scope,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      boolean active) {}

  /** A new token and its secret, which is never shown again. */
  public record Created(TokenView token, String secret) {
    @Override
    public String toString() {
      return "Created[token=" + token.name() + ", secret=***]";
    }
  }

  /** Who a valid token acts for, and what it may do. */
  public record TokenCaller(long tokenId, String username, ApiToken.Scope scope) {}

  private record Cached(
      long id, String username, ApiToken.Scope scope, Instant expiresAt, Instant until) {}

  static final String PREFIX = "sdt_";
  static final int MAX_DAYS = 366;
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration CACHE = Duration.ofSeconds(5);
  private static final Duration LAST_USE_EVERY = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject SecurityStamps stamps;

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Cached> checked = new ConcurrentHashMap<>();
  private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

  /**
   * Creates a token for the caller.
   *
   * @param days how long it lives, 1 to 366
   * @throws InvalidAccountException for a bad or duplicate name or lifetime
   */
  @Transactional
  public Created create(String name, ApiToken.Scope scope, int days) {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    String clean = name == null ? "" : name.strip();
    if (!NAME.matcher(clean).matches()) {
      throw new InvalidAccountException("name", Text.of("token.name.format"));
    }
    if (scope == null) {
      throw new InvalidAccountException("scope", Text.of("token.scope.choose"));
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new InvalidAccountException("days", Text.of("token.days.range", MAX_DAYS));
    }
    String user = caller.name();
    boolean taken =
        !em.createQuery(
                "select t.id from ApiToken t where t.username = :u and t.name = :n", Long.class)
            .setParameter("u", user)
            .setParameter("n", clean)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new InvalidAccountException("name", Text.of("token.name.taken", clean));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    ApiToken row =
        new ApiToken(user, clean, hash(token), scope, now, now.plus(Duration.ofDays(days)));
    em.persist(row);
    audit.record(
        user,
        AuditAction.API_TOKEN_CREATED,
        "api token " + AuditLog.clean(clean, 64) + " of " + user,
        scope + ", expires " + row.getExpiresAt(),
        null);
    return new Created(view(row, now), token);
  }

  /** The caller's own tokens, newest first. */
  public List<TokenView> mine() {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    Instant now = clock.instant();
    return em
        .createQuery(
            "select t from ApiToken t where t.username = :u order by t.createdAt desc, t.id desc",
            ApiToken.class)
        .setParameter("u", caller.name())
        .getResultList()
        .stream()
        .map(t -> view(t, now))
        .toList();
  }

  /** Every user's tokens, newest first (admins only). */
  public List<TokenView> all() {
    caller.require(Role.ADMIN);
    Instant now = clock.instant();
    return em
        .createQuery(
            "select t from ApiToken t order by t.createdAt desc, t.id desc", ApiToken.class)
        .getResultList()
        .stream()
        .map(t -> view(t, now))
        .toList();
  }

  /**
   * Revokes a token of the caller's (or anyone's, for an admin); it stops working at once on this
   * instance and within seconds on the others.
   *
   * @throws InvalidAccountException if there is no such token the caller may revoke
   */
  @Transactional
  public void revoke(long id) {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null || !(token.getUsername().equals(caller.name()) || caller.has(Role.ADMIN))) {
      throw new InvalidAccountException("id", Text.of("token.notFound", id));
    }
    if (token.getRevokedAt() == null) {
      token.revoke(caller.name(), clock.instant());
      audit.record(
          caller.name(),
          AuditAction.API_TOKEN_REVOKED,
          "api token " + AuditLog.clean(token.getName(), 64) + " of " + token.getUsername(),
          null,
          null);
    }
    checked.remove(token.getTokenHash());
  }

  /**
   * The user a presented token acts for, if it is one of ours, active, and its user may still use
   * the console (enabled, with a role).
   */
  @Transactional
  public Optional<TokenCaller> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    Instant now = clock.instant();
    Cached hit = checked.get(hash);
    if (hit == null || !now.isBefore(hit.until())) {
      hit = load(hash, now);
      if (hit == null) {
        return Optional.empty();
      }
    }
    if (!now.isBefore(hit.expiresAt())
        || stamps.current(hit.username()).filter(SecurityStamps.Current::usable).isEmpty()) {
      return Optional.empty();
    }
    Instant written = lastUseWritten.get(hit.id());
    if (written == null || !now.isBefore(written.plus(LAST_USE_EVERY))) {
      lastUseWritten.put(hit.id(), now);
      // a hint, not data to protect: no version check, so parallel scripts never conflict
      em.createQuery("update ApiToken t set t.lastUsedAt = :t where t.id = :id")
          .setParameter("t", now)
          .setParameter("id", hit.id())
          .executeUpdate();
    }
    return Optional.of(new TokenCaller(hit.id(), hit.username(), hit.scope()));
  }

  private Cached load(String hash, Instant now) {
    Optional<ApiToken> row =
        em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
            .setParameter("h", hash)
            .getResultStream()
            .findFirst()
            .filter(t -> t.isActive(now));
    if (row.isEmpty()) {
      checked.remove(hash);
      return null;
    }
    if (checked.size() > 10_000) {
      checked.clear(); // a bound against a flood of distinct valid tokens, which cannot happen
    }
    ApiToken t = row.get();
    Cached c =
        new Cached(t.getId(), t.getUsername(), t.getScope(), t.getExpiresAt(), now.plus(CACHE));
    checked.put(hash, c);
    return c;
  }

  private static TokenView view(ApiToken t, Instant now) {
    return new TokenView(
        t.getId(),
        t.getUsername(),
        t.getName(),
        t.getScope(),
        t.getCreatedAt(),
        t.getExpiresAt(),
        t.getRevokedAt(),
        t.getLastUsedAt(),
        t.isActive(now));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
