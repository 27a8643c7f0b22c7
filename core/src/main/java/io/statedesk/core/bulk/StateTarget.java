package io.statedesk.core.bulk;

import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.problem.Text;
import java.util.Optional;

/**
 * What a change does to each agent's custom state: set one code, or clear it.
 *
 * <p>Why a type: "clear" was spelled three ways on the way down (a sentinel choice in the Set-state
 * dialog, a flag beside a null code in the request, an action beside a null target in the plan),
 * and the planner re-checked that exactly one of code and clear was given. The edges (the dialog,
 * the API, a saved schedule) now build a target once, and nothing below them can hold both or
 * neither.
 */
public sealed interface StateTarget {

  /**
   * Set {@code state} ({@code setcustomstate}).
   *
   * @param state the code, within the gateway's range by its own type
   */
  record SetTo(CustomState state) implements StateTarget {
    public SetTo {
      if (state == null) {
        throw new IllegalArgumentException("a state to set");
      }
    }
  }

  /** Clear the custom state ({@code cancelsetcustomstate}): no custom state afterwards. */
  record Clear() implements StateTarget {}

  /** Set {@code code}; a caller that takes the code from outside checks its range first. */
  static StateTarget set(int code) {
    if (!CustomState.isValid(code)) {
      throw new InvalidChangeException(
          "code", Text.of("bulk.code.range", Integer.toString(code), CustomState.RANGE));
    }
    return new SetTo(new CustomState(code));
  }

  static StateTarget clear() {
    return new Clear();
  }

  /**
   * The target a request names, checked: a code or clear, not both, not neither.
   *
   * @param code the code to set, or {@code null}
   * @param clear whether to clear instead
   * @throws InvalidChangeException (field {@code code}) for both, neither, or a code outside the
   *     gateway's range
   */
  static StateTarget of(Integer code, boolean clear) {
    if (clear && code != null) {
      throw new InvalidChangeException("code", Text.of("bulk.code.both"));
    }
    if (!clear && code == null) {
      throw new InvalidChangeException("code", Text.of("bulk.code.none"));
    }
    return clear ? clear() : set(code);
  }

  /**
   * The target a nullable column holds ({@code null} = clear): the way back from {@link #column()},
   * for values read from the database (an outcome's target, a desired state, a saved schedule).
   *
   * @throws IllegalArgumentException for a code outside the gateway's range (never stored)
   */
  static StateTarget ofColumn(Integer code) {
    return code == null ? clear() : new SetTo(new CustomState(code));
  }

  /** The code to set; empty for a clear. */
  default Optional<CustomState> code() {
    return this instanceof SetTo s ? Optional.of(s.state()) : Optional.empty();
  }

  /**
   * The code as stored (a schedule's or an outcome's column), {@code null} for a clear: only for
   * the database's nullable column, never passed on as "clear" in code.
   */
  default Integer column() {
    return code().map(CustomState::value).orElse(null);
  }

  /** What a change with this target does to each agent. */
  default ChangeAction action() {
    return this instanceof Clear ? ChangeAction.CLEAR : ChangeAction.SET;
  }
}
