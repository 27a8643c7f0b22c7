package io.statedesk.core.security;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Binds an API request's {@code Idempotency-Key} to the body it was first sent with.
 *
 * <p>Why: a key names one request, so that a client may repeat it safely after a timeout and get
 * the first answer. Without the body bound to it, a client that reused a key for a different
 * request (a bug, or two scripts sharing a key scheme) silently got the first change back and
 * believed the second was made. Now the body's SHA-256 is kept per user and key ({@code
 * api_idempotency}), and the same key with another body is refused with {@link
 * IdempotencyConflictException}. Plain SQL, as the table is a lookup with a composite key and no
 * behaviour. Keys used before this table existed are not bound (nothing to compare with).
 */
@ApplicationScoped
public class IdempotencyKeys {

  /** The key was first used with another body. */
  public static class IdempotencyConflictException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public IdempotencyConflictException(String key) {
      super(ProblemKind.CONFLICT, "Idempotency-Key", Text.of("idempotency.conflict", key));
    }
  }

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /**
   * Fails if {@code user} used {@code key} before with a body other than {@code body}.
   *
   * @throws IdempotencyConflictException on a mismatch
   */
  public void check(String user, String key, String body) {
    if (key == null || key.isBlank() || user == null) {
      return;
    }
    List<?> found =
        em.createNativeQuery(
                "select body_hash from api_idempotency where created_by = ?1 and idem_key = ?2")
            .setParameter(1, user)
            .setParameter(2, key.strip())
            .getResultList();
    if (!found.isEmpty() && !found.get(0).toString().equals(hash(body))) {
      throw new IdempotencyConflictException(key.strip());
    }
  }

  /** Remembers the body a new request was made with (once per user and key). */
  @Transactional
  public void bind(String user, String key, String body) {
    if (key == null || key.isBlank() || user == null) {
      return;
    }
    boolean known =
        !em.createNativeQuery(
                "select body_hash from api_idempotency where created_by = ?1 and idem_key = ?2")
            .setParameter(1, user)
            .setParameter(2, key.strip())
            .getResultList()
            .isEmpty();
    if (!known) {
      em.createNativeQuery(
              "insert into api_idempotency (created_by, idem_key, body_hash, created_at)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, user)
          .setParameter(2, key.strip())
          .setParameter(3, hash(body))
          .setParameter(4, Timestamp.from(Instant.now()))
          .executeUpdate();
    }
  }

  static String hash(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
