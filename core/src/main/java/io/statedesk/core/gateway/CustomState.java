package io.statedesk.core.gateway;

/**
 * A custom state code as the gateway takes it: 0..65534 ({@code setCustomState}'s {@code
 * customstate}, seeds/setcustomstate-interface.txt). Why one type: the range was written out in
 * four places (the client, the catalog's rules and ranges, the API), each free to drift; every
 * place that takes a code from outside asks this one. What a code means to the business is the
 * catalog's {@code StateCode}; this is only the number.
 *
 * @param value the code
 */
public record CustomState(int value) implements Comparable<CustomState> {

  /** The lowest code. */
  public static final int MIN = 0;

  /** The highest code: 65535 is not a custom state ({@link #NOT_SET}). */
  public static final int MAX = 65_534;

  /**
   * What the gateway answers {@code querycustomstate} with when the agent has no custom state, and
   * what {@code cancelsetcustomstate} resets it to (gateway-api.md section 4.2), one past {@link
   * #MAX}. Why a name: it is never a code, yet the catalog's rules, its documented ranges, the
   * directory's filter and the reading of the gateway's answer all have to recognise it.
   */
  public static final int NOT_SET = 65_535;

  /** The range as people read it in messages: {@value}. */
  public static final String RANGE = "0..65534";

  /**
   * @throws IllegalArgumentException outside {@value #RANGE}: callers that take input check {@link
   *     #isValid} first and answer with their own message
   */
  public CustomState {
    if (!isValid(value)) {
      throw new IllegalArgumentException("A custom state is " + RANGE + ", was " + value);
    }
  }

  /** Whether {@code value} is a code the gateway accepts. */
  public static boolean isValid(long value) {
    return value >= MIN && value <= MAX;
  }

  @Override
  public int compareTo(CustomState other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
