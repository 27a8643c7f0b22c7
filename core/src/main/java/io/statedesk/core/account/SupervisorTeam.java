package io.statedesk.core.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One supervisor-team assignment. */
@Entity
@Table(name = "supervisor_team")
@IdClass(SupervisorTeam.Key.class)
public class SupervisorTeam {

  /** The composite key. */
  public record Key(String username, String team) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(length = 64)
  private String username;

  @Id
  @Column(length = 64)
  private String team;

  protected SupervisorTeam() {}

  SupervisorTeam(String username, String team) {
    this.username = username;
    this.team = team;
  }

  public String getUsername() {
    return username;
  }

  public String getTeam() {
    return team;
  }
}
