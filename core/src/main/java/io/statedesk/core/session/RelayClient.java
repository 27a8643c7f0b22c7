package io.statedesk.core.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A machine client of the session relay. Only the SHA-256 of its token is stored. */
@Entity
@Table(name = "relay_client")
public class RelayClient {

  @Id
  @SequenceGenerator(
      name = "relay_client_seq",
      sequenceName = "relay_client_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relay_client_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  /** Team names, one per line; empty or null: no team restriction. */
  @Column(name = "scope_teams", length = 2000)
  private String scopeTeams;

  /** Agent ids and ranges ({@code 10001-10300,20001}); empty or null: no range restriction. */
  @Column(name = "scope_agents", length = 2000)
  private String scopeAgents;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Version private long version;

  protected RelayClient() {}

  RelayClient(String name, String tokenHash, String createdBy, Instant now) {
    this.name = name;
    this.tokenHash = tokenHash;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  String getTokenHash() {
    return tokenHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public boolean isActive() {
    return revokedAt == null;
  }

  /** Not revoked and not expired at {@code now}. */
  public boolean isUsableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  public String getScopeTeams() {
    return scopeTeams;
  }

  public String getScopeAgents() {
    return scopeAgents;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  void scope(String teams, String agents, Instant expires) {
    this.scopeTeams = teams;
    this.scopeAgents = agents;
    this.expiresAt = expires;
  }

  public RelayScope scope() {
    return RelayScope.of(scopeTeams, scopeAgents);
  }

  void revoke(Instant at) {
    revokedAt = at;
  }
}
