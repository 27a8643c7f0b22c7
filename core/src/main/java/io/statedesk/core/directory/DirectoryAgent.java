package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One agent of the directory, keyed by its gateway work number. Read as an entity; written only
 * through statements that name their columns, in {@link DirectoryImport} and {@link
 * DirectoryStates} (a whole row written back would undo what another transaction wrote meanwhile,
 * see DirectoryStates).
 */
@Entity
@Table(name = "directory_agent")
public class DirectoryAgent {

  /** Where the row came from. */
  public enum Source {
    GATEWAY,
    IMPORT
  }

  @Id
  @Column(name = "agent_id")
  private int agentId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(length = 64)
  private String team;

  @Column(length = 500)
  private String skills;

  @Enumerated(EnumType.STRING)
  @Column(name = "gateway_state", nullable = false, length = 16)
  private GatewayState gatewayState;

  @Column(name = "custom_state")
  private Integer customState;

  @Column(name = "custom_state_at")
  private Instant customStateAt;

  /** When the custom state was last read back from the gateway (not merely set). */
  @Column(name = "custom_state_verified_at")
  private Instant customStateVerifiedAt;

  /** The state read back when it differed from the desired one outside a new session. */
  @Column(name = "drift_state")
  private Integer driftState;

  @Column(name = "drift_at")
  private Instant driftAt;

  @Column(length = 32)
  private String phone;

  @Column(name = "session_availability", length = 10)
  @Enumerated(EnumType.STRING)
  private Availability sessionAvailability;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Source source;

  @Column(name = "synced_at", nullable = false)
  private Instant syncedAt;

  protected DirectoryAgent() {}

  DirectoryAgent(DirectoryEntry entry, Source source, Instant now) {
    this.agentId = entry.agentId();
    this.source = source;
    update(entry, now);
  }

  void update(DirectoryEntry entry, Instant now) {
    this.name = entry.name();
    this.team = entry.team();
    this.skills = entry.skills().isEmpty() ? null : String.join(",", entry.skills());
    if (entry.gatewayState() != GatewayState.UNKNOWN || this.gatewayState == null) {
      // an import knows no state: keep the one the gateway reported
      this.gatewayState = entry.gatewayState();
    }
    this.phone = entry.phone();
    this.syncedAt = now;
  }

  /** The agent's session here as last mirrored from the session store ({@code NONE}: a null). */
  public Availability getSessionAvailability() {
    return sessionAvailability == null ? Availability.NONE : sessionAvailability;
  }

  public int getAgentId() {
    return agentId;
  }

  public String getName() {
    return name;
  }

  public String getTeam() {
    return team;
  }

  public String getSkills() {
    return skills;
  }

  public GatewayState getGatewayState() {
    return gatewayState;
  }

  public Integer getCustomState() {
    return customState;
  }

  public Instant getCustomStateAt() {
    return customStateAt;
  }

  public Instant getCustomStateVerifiedAt() {
    return customStateVerifiedAt;
  }

  public Integer getDriftState() {
    return driftState;
  }

  public Instant getDriftAt() {
    return driftAt;
  }

  /** Whether a drift is recorded (the drift state itself may be "none"). */
  public boolean isDrifted() {
    return driftAt != null;
  }

  public String getPhone() {
    return phone;
  }

  public Source getSource() {
    return source;
  }

  public Instant getSyncedAt() {
    return syncedAt;
  }
}
