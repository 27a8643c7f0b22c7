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

  /** The highest code: 65535 is not a custom state. */
  public static final int MAX = 65_534;

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
