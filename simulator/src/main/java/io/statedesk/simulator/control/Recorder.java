package io.statedesk.simulator.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulator received, for tests: the last {@value #CAPACITY} calls (Guids masked), counts
 * per operation and retcode, and the distinct client TCP connections seen (to verify that a client
 * reuses connections).
 */
public final class Recorder {

  static final int CAPACITY = 200_000;

  /**
   * One received call.
   *
   * @param seq position in the record, from 1
   * @param at epoch millis when it was answered
   * @param method HTTP method
   * @param operation the gateway log name, e.g. {@code setCustomState}
   * @param agentId the agent id in the path, 0 if none
   * @param guid the masked Guid header
   * @param retcode the retcode answered, or "" for an HTTP error
   * @param httpStatus the HTTP status answered
   * @param query the query string, if any
   */
  public record Call(
      long seq,
      long at,
      String method,
      String operation,
      int agentId,
      String guid,
      String retcode,
      int httpStatus,
      String query) {}

  private final Deque<Call> calls = new ArrayDeque<>();
  private final AtomicLong seq = new AtomicLong();
  private final Set<String> connections = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public void record(
      String method,
      String operation,
      int agentId,
      String maskedGuid,
      String retcode,
      int httpStatus,
      String query,
      String connection,
      long now) {
    Call call =
        new Call(
            seq.incrementAndGet(),
            now,
            method,
            operation,
            agentId,
            maskedGuid,
            retcode,
            httpStatus,
            query);
    synchronized (calls) {
      if (calls.size() >= CAPACITY) {
        calls.pollFirst();
      }
      calls.addLast(call);
    }
    if (connection != null) {
      connections.add(connection);
    }
    counts
        .computeIfAbsent(
            operation + " " + (retcode.isEmpty() ? "HTTP " + httpStatus : retcode),
            k -> new AtomicLong())
        .incrementAndGet();
  }

  /** Calls matching the filters (null = any), oldest first, at most {@code limit}. */
  public List<Call> calls(Integer agentId, String operation, long afterSeq, int limit) {
    List<Call> result = new ArrayList<>();
    synchronized (calls) {
      for (Call call : calls) {
        if (call.seq() <= afterSeq
            || (agentId != null && call.agentId() != agentId)
            || (operation != null && !operation.equals(call.operation()))) {
          continue;
        }
        result.add(call);
        if (result.size() >= limit) {
          break;
        }
      }
    }
    return result;
  }

  /** Counts per "operation retcode", sorted. */
  public Map<String, Long> counts() {
    Map<String, Long> result = new TreeMap<>();
    counts.forEach((k, v) -> result.put(k, v.get()));
    return result;
  }

  public long total() {
    return seq.get();
  }

  public int distinctConnections() {
    return connections.size();
  }

  public void clear() {
    synchronized (calls) {
      calls.clear();
    }
    connections.clear();
    counts.clear();
  }
}
