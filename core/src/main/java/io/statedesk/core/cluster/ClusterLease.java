package io.statedesk.core.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named lease ("shard-3", "directory-sync"): who holds it until when. */
@Entity
@Table(name = "cluster_lease")
public class ClusterLease {

  @Id
  @Column(length = 64)
  private String name;

  @Column(length = 100)
  private String owner;

  @Column(name = "held_until")
  private Instant heldUntil;

  @Column(nullable = false)
  private long version;

  protected ClusterLease() {}

  ClusterLease(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public String getOwner() {
    return owner;
  }

  public Instant getHeldUntil() {
    return heldUntil;
  }
}
