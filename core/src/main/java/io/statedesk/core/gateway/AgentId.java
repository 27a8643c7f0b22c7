package io.statedesk.core.gateway;

/**
 * An agent's id at the gateway, its work number: 101..999999 (the interface pages of every
 * agent-scoped operation, gateway-api.md section 1). Why one type: the range was written out in
 * nine places (the client, the planner, the relay, the hosted ranges, the directory's sync, reader
 * and CSV, the API), each free to drift; every place that takes an id from outside (a page, the
 * API, a file, the gateway's own lists, the configuration) now asks this one.
 *
 * @param value the work number
 */
public record AgentId(int value) implements Comparable<AgentId> {

  /** The lowest agent id the gateway accepts. */
  public static final int MIN = 101;

  /** The highest agent id the gateway accepts. */
  public static final int MAX = 999_999;

  /** The range as people read it in messages: {@value}. */
  public static final String RANGE = "101..999999";

  /**
   * @throws IllegalArgumentException outside {@value #RANGE}: callers that take input check {@link
   *     #isValid} first and answer with their own message
   */
  public AgentId {
    if (!isValid(value)) {
      throw new IllegalArgumentException("An agent id is " + RANGE + ", was " + value);
    }
  }

  /** Whether {@code value} is an agent id the gateway accepts. */
  public static boolean isValid(long value) {
    return value >= MIN && value <= MAX;
  }

  @Override
  public int compareTo(AgentId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
