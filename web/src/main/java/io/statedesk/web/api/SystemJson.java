package io.statedesk.web.api;

import io.statedesk.core.cluster.MemberStatus;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/system}, as records JSON-B writes, in a fixed order and with their
 * nulls ({@link ChangeJson} says why).
 */
public final class SystemJson {

  private SystemJson() {}

  /** The console's state: clustered or not, the gateway's breaker, the rates, each member. */
  @JsonbNillable
  @JsonbPropertyOrder({
    "clustered",
    "breaker",
    "callRatePerSecond",
    "signInRatePerSecond",
    "members"
  })
  public record Status(
      boolean clustered,
      String breaker,
      int callRatePerSecond,
      int signInRatePerSecond,
      List<Member> members) {}

  /** One console of the cluster; {@code breaker} {@code UNKNOWN} when it has said none. */
  @JsonbNillable
  @JsonbPropertyOrder({
    "instance",
    "console",
    "self",
    "startedAt",
    "heartbeatUntil",
    "breaker",
    "shards"
  })
  public record Member(
      String instance,
      String console,
      boolean self,
      Instant startedAt,
      Instant heartbeatUntil,
      String breaker,
      List<Integer> shards) {

    static Member of(MemberStatus m) {
      return new Member(
          m.instance(),
          m.consoleId(),
          m.self(),
          m.startedAt(),
          m.beatUntil(),
          m.breaker() == null ? "UNKNOWN" : m.breaker(),
          m.shards());
    }
  }
}
