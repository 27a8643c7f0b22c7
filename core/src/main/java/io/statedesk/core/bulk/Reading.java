package io.statedesk.core.bulk;

import io.statedesk.core.gateway.CustomState;
import java.util.Optional;

/**
 * What one read-back of an agent's custom state found: the read failed ({@link Unknown}), no custom
 * state is set ({@link NotSet}), or a code ({@link Code}).
 *
 * <p>Why a type: the three answers travelled as {@code Optional<Optional<Integer>>} (outer empty =
 * could not be read, inner empty = none set) through the verify, the take-over, the engine and the
 * reconciler, where "which empty?" had to be remembered at each use. Each case is named here, and
 * the comparison with a target and the text for people come with it.
 */
public sealed interface Reading {

  /** The read failed (a gateway failure, no usable session, interrupted): nothing is known. */
  record Unknown() implements Reading {}

  /** The gateway has no custom state for the agent ({@link CustomState#NOT_SET}). */
  record NotSet() implements Reading {}

  /**
   * The agent has custom state {@code state}.
   *
   * @param state the code, within the gateway's range by its own type
   */
  record Code(CustomState state) implements Reading {
    public Code {
      if (state == null) {
        throw new IllegalArgumentException("a code read back");
      }
    }
  }

  /** A read that failed. */
  Reading UNKNOWN = new Unknown();

  /** No custom state set. */
  Reading NOT_SET = new NotSet();

  /** What the gateway answered: its code, or none set when empty. */
  static Reading of(Optional<CustomState> answer) {
    return answer.<Reading>map(Code::new).orElse(NOT_SET);
  }

  /**
   * What the directory's nullable column holds ({@code null} = none set), for comparing a target
   * with the state last read back. A stored number outside the gateway's range is {@link Unknown}
   * rather than a failure: a row written before answers were checked must not stop a plan, and it
   * matches no target, as it did not before.
   */
  static Reading ofColumn(Integer column) {
    if (column == null) {
      return NOT_SET;
    }
    return CustomState.isValid(column) ? new Code(new CustomState(column)) : UNKNOWN;
  }

  /** Whether the read succeeded, so that this says what the gateway has. */
  default boolean isKnown() {
    return !(this instanceof Unknown);
  }

  /**
   * Whether this is {@code target}: its code for a set, no custom state for a clear. An unknown
   * reading matches nothing.
   */
  default boolean matches(StateTarget target) {
    if (this instanceof Code c) {
      return target.code().filter(c.state()::equals).isPresent();
    }
    return this instanceof NotSet && target instanceof StateTarget.Clear;
  }

  /** For people: the code, "none", or "unknown" when it could not be read. */
  default String describe() {
    if (this instanceof Code c) {
      return c.state().toString();
    }
    return isKnown() ? "none" : "unknown";
  }

  /**
   * The code as the directory stores it, {@code null} for none set: only for the nullable column.
   *
   * @throws IllegalStateException for an unknown reading, which says nothing to record
   */
  default Integer column() {
    if (!isKnown()) {
      throw new IllegalStateException("nothing was read");
    }
    return this instanceof Code c ? c.state().value() : null;
  }
}
