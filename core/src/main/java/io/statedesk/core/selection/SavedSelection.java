package io.statedesk.core.selection;

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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A named filter or set of agents, owned by one user.
 *
 * <p>Why the filter is one JSON column ({@link FilterJson}) and not a column per menu: the picker's
 * filter grows (session availability and skills menus were added after it shipped), the database
 * never searches selections by their filter's parts, and a JSON document read leniently keeps every
 * saved selection usable when a menu is added, without a migration per menu. Fixed agents are
 * comma-separated ids, as {@code scheduled_change} keeps them: read and written whole, never
 * joined.
 */
@Entity
@Table(name = "saved_selection")
public class SavedSelection {

  @Id
  @SequenceGenerator(
      name = "saved_selection_seq",
      sequenceName = "saved_selection_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_selection_seq")
  private Long id;

  @Column(nullable = false, updatable = false, length = 64)
  private String owner;

  @Column(nullable = false, length = 80)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private SelectionKind kind;

  @Column(name = "shared_team", length = 64)
  private String sharedTeam;

  @Column(name = "filter_json", length = 4000)
  private String filterJson;

  @Column(name = "agent_ids", length = 400_000)
  private String agentIds;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SavedSelection() {}

  SavedSelection(String owner, String name, String sharedTeam, Instant now) {
    this.owner = owner;
    this.name = name;
    this.sharedTeam = sharedTeam;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Remembers a filter (dynamic). */
  void remember(String filterJson, Instant now) {
    this.kind = SelectionKind.DYNAMIC;
    this.filterJson = filterJson;
    this.agentIds = null;
    this.updatedAt = now;
  }

  /** Remembers agents by id (fixed). */
  void remember(List<Integer> agents, Instant now) {
    this.kind = SelectionKind.FIXED;
    this.filterJson = null;
    this.agentIds = agents.stream().map(String::valueOf).collect(Collectors.joining(","));
    this.updatedAt = now;
  }

  void share(String team, Instant now) {
    this.sharedTeam = team;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getOwner() {
    return owner;
  }

  public String getName() {
    return name;
  }

  public SelectionKind getKind() {
    return kind;
  }

  /** The team it is shared with, or {@code null} when private. */
  public String getSharedTeam() {
    return sharedTeam;
  }

  String getFilterJson() {
    return filterJson;
  }

  /** The fixed agents (empty for a dynamic selection). */
  public List<Integer> agents() {
    return agentIds == null || agentIds.isEmpty()
        ? List.of()
        : Arrays.stream(agentIds.split(",")).map(Integer::valueOf).toList();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
