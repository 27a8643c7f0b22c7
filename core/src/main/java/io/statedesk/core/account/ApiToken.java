package io.statedesk.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A personal API token: a user's named, scoped and expiring credential for scripts. Only the
 * token's SHA-256 is kept ({@link ApiTokens} says why that is enough).
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

  /** What a token may do on behalf of its user. */
  public enum Scope {
    /** GET and HEAD only. */
    READ,
    /** Everything the user's roles allow. */
    READ_WRITE
  }

  @Id
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(nullable = false, length = 10)
  @Enumerated(EnumType.STRING)
  private Scope scope;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 64)
  private String revokedBy;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected ApiToken() {}

  ApiToken(
      String username,
      String name,
      String tokenHash,
      Scope scope,
      Instant createdAt,
      Instant expiresAt) {
    this.username = username;
    this.name = name;
    this.tokenHash = tokenHash;
    this.scope = scope;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getName() {
    return name;
  }

  String getTokenHash() {
    return tokenHash;
  }

  public Scope getScope() {
    return scope;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  /** Neither revoked nor expired at {@code now}. */
  public boolean isActive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  void revoke(String by, Instant now) {
    this.revokedAt = now;
    this.revokedBy = by;
  }
}
