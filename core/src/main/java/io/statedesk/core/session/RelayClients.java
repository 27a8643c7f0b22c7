package io.statedesk.core.session;

import io.statedesk.core.audit.AuditLog;
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
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
      throw new InvalidRelayRequestException(
          "name", "must be 2 to 64 letters, digits, dots, dashes or underscores");
    }
    if (!em.createQuery("select c from RelayClient c where c.name = :n", RelayClient.class)
        .setParameter("n", name)
        .getResultList()
        .isEmpty()) {
      throw new InvalidRelayRequestException("name", "'" + name + "' is already taken");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "sdr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    RelayClient client = new RelayClient(name, hash(token), caller.name(), Instant.now());
    em.persist(client);
    audit.record(caller.name(), "relay.client.created", "relay client " + name, null, null);
    return new Created(client, token);
  }

  /** Revokes a client (admins only); its token stops working at once. */
  @Transactional
  public void revoke(long id) {
    caller.require(Role.ADMIN);
    RelayClient client = em.find(RelayClient.class, id);
    if (client == null) {
      throw new InvalidRelayRequestException("id", "no relay client " + id);
    }
    if (client.isActive()) {
      client.revoke(Instant.now());
      audit.record(
          caller.name(), "relay.client.revoked", "relay client " + client.getName(), null, null);
    }
  }

  /** All clients, newest first (admins only). */
  public List<RelayClient> list() {
    caller.require(Role.ADMIN);
    return em.createQuery(
            "select c from RelayClient c order by c.createdAt desc, c.id desc", RelayClient.class)
        .getResultList();
  }

  /** The active client holding {@code token}, if any; notes the use. */
  @Transactional
  public Optional<String> authenticate(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    List<RelayClient> found =
        em.createQuery("select c from RelayClient c where c.tokenHash = :h", RelayClient.class)
            .setParameter("h", hash(token))
            .getResultList();
    if (found.isEmpty() || !found.get(0).isActive()) {
      return Optional.empty();
    }
    RelayClient client = found.get(0);
    // "last used" is a hint, not data to protect: a plain update without the version check, so
    // that a desktop fleet or CTI middleware pushing many Guids at once with one token does not
    // fail on optimistic locking (the benchmark's 16 concurrent relays did, with HTTP 500)
    em.createQuery("update RelayClient c set c.lastUsedAt = :t where c.id = :id")
        .setParameter("t", Instant.now())
        .setParameter("id", client.getId())
        .executeUpdate();
    return Optional.of(client.getName());
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
