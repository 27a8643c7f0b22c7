package io.statedesk.core.session;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Relay clients and their tokens: created by an admin (the token is returned once), revoked by an
 * admin, checked on every relay request.
 *
 * <p>Tokens are 32 random bytes, so a single SHA-256 is a safe way to store them (no dictionary to
 * attack, unlike passwords) and fast enough to check on every request.
 */
@ApplicationScoped
public class RelayClients {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject RelaySessions sessions;

  /** Last use per client id, kept in memory: a push is not worth a database write. */
  private final Map<Long, Instant> lastUsed = new ConcurrentHashMap<>();

  /** When each client's last use was written, to write it at most once a minute. */
  private final Map<Long, Instant> lastWritten = new ConcurrentHashMap<>();

  /** Each client's scope by name, read once (cleared when an admin changes one). */
  private final Map<String, RelayScope> scopes = new ConcurrentHashMap<>();

  static final Duration LAST_USED_WRITE = Duration.ofMinutes(1);

  /**
   * Tokens recently found valid (by hash), so that a push does not cost a query. Entries live
   * {@link #TOKEN_CACHE} at most (a client revoked on another console stops within that), and are
   * dropped at once when this console revokes or rescopes the client.
   */
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  static final Duration TOKEN_CACHE = Duration.ofSeconds(30);

  private record Known(long id, String name, Instant expiresAt, Instant checkedAt) {
    boolean usableAt(Instant now) {
      return checkedAt.plus(TOKEN_CACHE).isAfter(now)
          && (expiresAt == null || now.isBefore(expiresAt));
    }
  }

  /** A new client and its token, which is never shown again. */
  public record Created(RelayClient client, String token) {
    @Override
    public String toString() {
      return "Created[client=" + client.getName() + ", token=***]";
    }
  }

  /**
   * Creates a relay client (admins only).
   *
   * @throws InvalidRelayRequestException if the name is malformed or taken
   */
  @Transactional
  public Created create(String name) {
    caller.require(Role.ADMIN);
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidRelayRequestException("name", Text.of("relay.name.format"));
    }
    if (!em.createQuery("select c from RelayClient c where c.name = :n", RelayClient.class)
        .setParameter("n", name)
        .getResultList()
        .isEmpty()) {
      throw new InvalidRelayRequestException("name", Text.of("relay.name.taken", name));
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "sdr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    RelayClient client = new RelayClient(name, hash(token), caller.name(), Instant.now());
    em.persist(client);
    audit.record(
        caller.name(), AuditAction.RELAY_CLIENT_CREATED, "relay client " + name, null, null);
    return new Created(client, token);
  }

  /** Revokes a client (admins only); its token stops working at once. */
  @Transactional
  public void revoke(long id) {
    caller.require(Role.ADMIN);
    RelayClient client = em.find(RelayClient.class, id);
    if (client == null) {
      throw new InvalidRelayRequestException("id", Text.of("relay.notFound", id));
    }
    known.values().removeIf(k -> k.id() == id);
    if (client.isActive()) {
      client.revoke(Instant.now());
      int dropped = sessions.dropClient(client.getName());
      audit.record(
          caller.name(),
          AuditAction.RELAY_CLIENT_REVOKED,
          "relay client " + client.getName(),
          dropped + " relayed sessions dropped",
          null);
    }
  }

  /**
   * Sets which agents a client may relay for and until when (admins only).
   *
   * @param teams team names, one per line or comma-separated; blank for no team restriction
   * @param agents agent ids and ranges ({@code 10001-10300,20001}); blank for no range restriction
   * @param expiresAt when its token stops working; {@code null} for never
   * @throws InvalidRelayRequestException naming the field
   */
  @Transactional
  public RelayClient setScope(long id, String teams, String agents, Instant expiresAt) {
    caller.require(Role.ADMIN);
    RelayClient client = em.find(RelayClient.class, id);
    if (client == null) {
      throw new InvalidRelayRequestException("id", Text.of("relay.notFound", id));
    }
    RelayScope scope = RelayScope.of(teams, agents);
    if (scope.teamsText().length() > 2000 || scope.agentsText().length() > 2000) {
      throw new InvalidRelayRequestException("scope", Text.of("relay.scope.length"));
    }
    client.scope(
        scope.teams().isEmpty() ? null : scope.teamsText(),
        scope.ranges().isEmpty() ? null : scope.agentsText(),
        expiresAt);
    scopes.remove(client.getName());
    known.values().removeIf(k -> k.id() == id);
    audit.record(
        caller.name(),
        AuditAction.RELAY_CLIENT_SCOPED,
        "relay client " + client.getName(),
        (scope.unrestricted()
                ? "any agent not hosted"
                : "teams [" + String.join(", ", scope.teams()) + "], agents " + scope.agentsText())
            + (expiresAt == null ? "" : ", expires " + expiresAt),
        null);
    return client;
  }

  /** The scope of the client called {@code name}; nothing allowed for an unknown one. */
  public RelayScope scopeOf(String name) {
    return scopes.computeIfAbsent(
        name,
        n ->
            em.createQuery("select c from RelayClient c where c.name = :n", RelayClient.class)
                .setParameter("n", n)
                .getResultStream()
                .findFirst()
                .map(RelayClient::scope)
                .orElse(new RelayScope(Set.of(), List.of(new RelayScope.Range(0, -1)))));
  }

  /** The agent's team in the directory, if it is there. */
  public Optional<String> teamOf(int agentId) {
    return em.createQuery("select a.team from DirectoryAgent a where a.agentId = :id", String.class)
        .setParameter("id", agentId)
        .getResultStream()
        .findFirst();
  }

  /** When the client was last used: from memory when newer than the stored value. */
  public Instant lastUsed(RelayClient client) {
    Instant memory = lastUsed.get(client.getId());
    Instant stored = client.getLastUsedAt();
    return memory == null || (stored != null && stored.isAfter(memory)) ? stored : memory;
  }

  /** All clients, newest first (admins only). */
  public List<RelayClient> list() {
    caller.require(Role.ADMIN);
    return em.createQuery(
            "select c from RelayClient c order by c.createdAt desc, c.id desc", RelayClient.class)
        .getResultList();
  }

  /**
   * The active, unexpired client holding {@code token}, if any; notes the use in memory and writes
   * it at most once a minute per client (a fleet pushing every rotation would otherwise update one
   * row hundreds of times a second).
   */
  @Transactional
  public Optional<String> authenticate(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(token);
    Instant now = Instant.now();
    Known client = known.get(hash);
    if (client == null || !client.usableAt(now)) {
      known.remove(hash);
      List<RelayClient> found =
          em.createQuery("select c from RelayClient c where c.tokenHash = :h", RelayClient.class)
              .setParameter("h", hash)
              .getResultList();
      if (found.isEmpty() || !found.get(0).isUsableAt(now)) {
        return Optional.empty();
      }
      RelayClient c = found.get(0);
      client = new Known(c.getId(), c.getName(), c.getExpiresAt(), now);
      known.put(hash, client);
    }
    lastUsed.put(client.id(), now);
    Instant written = lastWritten.get(client.id());
    if (written == null || written.plus(LAST_USED_WRITE).isBefore(now)) {
      lastWritten.put(client.id(), now);
      // "last used" is a hint, not data to protect: a plain update without the version check, so
      // that many pushes at once with one token never fail on optimistic locking
      em.createQuery("update RelayClient c set c.lastUsedAt = :t where c.id = :id")
          .setParameter("t", now)
          .setParameter("id", client.id())
          .executeUpdate();
      RelayWrites.one();
    }
    return Optional.of(client.name());
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
