package io.statedesk.simulator.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Unbounded counters for tests, beside the bounded request record: successful sign-ins per agent
 * and interface, and calls refused because their Guid was unknown, expired, superseded or another
 * agent's. A test that holds sessions for minutes asserts on these ("exactly one sign-in per
 * agent", "no poll with a rejected Guid") without depending on how many calls the record keeps.
 */
public final class GatewayStats {

  private final Map<Integer, Map<String, LongAdder>> signIns = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
  private final Map<Integer, Map<String, LongAdder>> refusalsByAgent = new ConcurrentHashMap<>();

  /** A sign-in through {@code kind} that created a session. */
  void signedIn(int workNo, Gateway.SignInKind kind) {
    countIn(signIns, workNo, kind.statsName);
  }

  /** A call of {@code iface} refused with 100-006 or 000-003 for its Guid. */
  void staleGuidRefused(int workNo, String iface) {
    refusals.computeIfAbsent(iface, k -> new LongAdder()).increment();
    countIn(refusalsByAgent, workNo, iface);
  }

  private static void countIn(Map<Integer, Map<String, LongAdder>> map, int workNo, String key) {
    map.computeIfAbsent(workNo, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> new LongAdder())
        .increment();
  }

  /**
   * The counters as JSON-ready maps: {@code signIns} (work number → {@code login}, {@code loginex},
   * {@code forcelogin}, all present), {@code staleGuidRefusals} (interface → count) and {@code
   * staleGuidRefusalsByAgent} (work number → interface → count), keys sorted.
   */
  public Map<String, Object> snapshot() {
    Map<String, Object> perAgent = new TreeMap<>();
    signIns.forEach(
        (workNo, counts) -> {
          Map<String, Object> row = new TreeMap<>();
          for (Gateway.SignInKind kind : Gateway.SignInKind.values()) {
            LongAdder count = counts.get(kind.statsName);
            row.put(kind.statsName, count == null ? 0L : count.sum());
          }
          perAgent.put(Integer.toString(workNo), row);
        });
    Map<String, Object> byAgent = new TreeMap<>();
    refusalsByAgent.forEach(
        (workNo, counts) -> byAgent.put(Integer.toString(workNo), sums(counts)));
    Map<String, Object> snapshot = new TreeMap<>();
    snapshot.put("signIns", perAgent);
    snapshot.put("staleGuidRefusals", sums(refusals));
    snapshot.put("staleGuidRefusalsByAgent", byAgent);
    return snapshot;
  }

  private static Map<String, Object> sums(Map<String, LongAdder> counts) {
    Map<String, Object> result = new TreeMap<>();
    counts.forEach((key, count) -> result.put(key, count.sum()));
    return result;
  }

  public void clear() {
    signIns.clear();
    refusals.clear();
    refusalsByAgent.clear();
  }
}
