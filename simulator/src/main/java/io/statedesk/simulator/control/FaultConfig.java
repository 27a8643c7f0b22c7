package io.statedesk.simulator.control;

import io.statedesk.simulator.gateway.Retcodes;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What goes wrong on purpose. Fault-free by default ({@link #none()}).
 *
 * @param latencyMs fixed delay before every matching call is answered
 * @param jitterMs up to this much random extra delay
 * @param failureShare share (0..1) of matching calls answered with one of {@code failureRetcodes}
 * @param failureRetcodes retcodes to fail with, e.g. {@code ["100-007", "000-004"]}
 * @param httpErrorShare share (0..1) of matching calls answered with HTTP {@code httpStatus}
 * @param httpStatus 503 or 429 (or any 4xx/5xx)
 * @param retryAfterSeconds the {@code Retry-After} header sent with HTTP errors; 0 = none
 * @param hangShare share (0..1) of matching calls held for {@code hangMs} (until the client gives
 *     up)
 * @param hangMs how long a hanging call is held before it is answered
 * @param failingAgents agents whose matching calls always fail, with the retcode to fail with
 * @param operations the operations faults apply to (log names such as {@code setCustomState});
 *     empty means all gateway operations
 */
public record FaultConfig(
    long latencyMs,
    long jitterMs,
    double failureShare,
    List<String> failureRetcodes,
    double httpErrorShare,
    int httpStatus,
    int retryAfterSeconds,
    double hangShare,
    long hangMs,
    Map<Integer, String> failingAgents,
    Set<String> operations) {

  public static FaultConfig none() {
    return new FaultConfig(0, 0, 0, List.of(), 0, 503, 0, 0, 600_000, Map.of(), Set.of());
  }

  /**
   * Null collections become empty; an absent {@code httpStatus} means 503 and an absent {@code
   * hangMs} ten minutes, so that a partial JSON body configures just what it names.
   */
  public FaultConfig {
    httpStatus = httpStatus == 0 ? 503 : httpStatus;
    hangMs = hangMs == 0 ? 600_000 : hangMs;
    failureRetcodes = failureRetcodes == null ? List.of() : List.copyOf(failureRetcodes);
    failingAgents = failingAgents == null ? Map.of() : Map.copyOf(failingAgents);
    operations = operations == null ? Set.of() : Set.copyOf(operations);
  }

  /**
   * Checks ranges and codes.
   *
   * @throws IllegalArgumentException naming the field and the rule
   */
  public FaultConfig validate() {
    share("failureShare", failureShare);
    share("httpErrorShare", httpErrorShare);
    share("hangShare", hangShare);
    if (latencyMs < 0 || jitterMs < 0 || hangMs < 0 || retryAfterSeconds < 0) {
      throw new IllegalArgumentException(
          "latencyMs, jitterMs, hangMs and retryAfterSeconds must not be negative");
    }
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be 400..599, was " + httpStatus);
    }
    if (failureShare > 0 && failureRetcodes.isEmpty()) {
      throw new IllegalArgumentException(
          "failureShare > 0 needs at least one failureRetcodes entry");
    }
    for (String code : failureRetcodes) {
      known(code);
    }
    failingAgents.values().forEach(FaultConfig::known);
    return this;
  }

  private static void share(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
    }
  }

  private static void known(String code) {
    if (code == null || "0".equals(code) || !Retcodes.isKnown(code)) {
      throw new IllegalArgumentException("unknown or non-error retcode: " + code);
    }
  }

  /** Whether faults apply to this operation at all. */
  public boolean covers(String operation) {
    return operations.isEmpty() || operations.contains(operation);
  }
}
