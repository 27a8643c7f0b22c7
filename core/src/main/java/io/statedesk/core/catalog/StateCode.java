package io.statedesk.core.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One catalog entry. The code is fixed at creation; everything else changes through {@link
 * StateCatalog}, which validates and audits.
 */
@Entity
@Table(name = "state_code")
public class StateCode {

  @Id
  @SequenceGenerator(name = "state_code_seq", sequenceName = "state_code_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "state_code_seq")
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private int code;

  @Column(nullable = false, length = 40)
  private String label;

  @Column(length = 500)
  private String description;

  @Column(nullable = false, length = 7)
  private String colour;

  @Column(length = 60)
  private String category;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "all_teams", nullable = false)
  private boolean allTeams = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "state_code_label", joinColumns = @JoinColumn(name = "state_code_id"))
  @MapKeyColumn(name = "locale", length = 10)
  @Column(name = "label", length = 40)
  private Map<String, String> labels = new LinkedHashMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "state_code_team", joinColumns = @JoinColumn(name = "state_code_id"))
  @Column(name = "team", length = 64)
  private Set<String> teams = new TreeSet<>();

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Version private long version;

  protected StateCode() {}

  StateCode(StateCodeData data, String by, Instant now) {
    this.code = data.code();
    this.createdAt = now;
    this.createdBy = by;
    apply(data, by, now);
  }

  /** Copies every changeable field from validated {@code data}. */
  void apply(StateCodeData data, String by, Instant now) {
    this.label = data.label();
    this.description = data.description();
    this.colour = data.colour();
    this.category = data.category();
    this.sortOrder = data.sortOrder();
    this.active = data.active();
    this.allTeams = data.teams().isEmpty();
    this.labels.clear();
    this.labels.putAll(data.labels());
    this.teams.clear();
    this.teams.addAll(data.teams());
    this.updatedAt = now;
    this.updatedBy = by;
  }

  /** The data of this entry, e.g. to compare with an import row or to audit before/after. */
  public StateCodeData data() {
    return new StateCodeData(
        code, label, description, colour, category, sortOrder, active, labels, teams);
  }

  /** The label for {@code locale}, falling back to the default label. */
  public String labelFor(Locale locale) {
    if (locale != null) {
      String tag = locale.toLanguageTag();
      String exact = labels.get(tag);
      if (exact != null) {
        return exact;
      }
      for (Map.Entry<String, String> e : labels.entrySet()) {
        if (Locale.forLanguageTag(e.getKey()).getLanguage().equals(locale.getLanguage())) {
          return e.getValue();
        }
      }
    }
    return label;
  }

  void markUsed(Instant at) {
    if (usedAt == null) {
      usedAt = at;
    }
  }

  void setActive(boolean active, String by, Instant now) {
    this.active = active;
    this.updatedBy = by;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public int getCode() {
    return code;
  }

  public String getLabel() {
    return label;
  }

  public String getDescription() {
    return description;
  }

  public String getColour() {
    return colour;
  }

  public String getCategory() {
    return category;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isAllTeams() {
    return allTeams;
  }

  public Map<String, String> getLabels() {
    return Map.copyOf(labels);
  }

  public Set<String> getTeams() {
    return Set.copyOf(teams);
  }

  /** Whether a bulk change or history refers to this code (then it can only be deactivated). */
  public boolean isUsed() {
    return usedAt != null;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public long getVersion() {
    return version;
  }
}
