package io.statedesk.web.api;

import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.StateTarget;
import io.statedesk.core.gateway.CustomState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * The body of {@code POST /api/changes} (and the change part of {@code POST /api/schedules}): the
 * agents as one of {@code agents}, {@code filter} or {@code selection}, then {@code code} or {@code
 * clear}, and the safeguards. Which of them must be given, and the rules of the change itself, are
 * core's ({@code BulkChanges}), as for the pages.
 *
 * @param agents agent ids (a number outside {@code int} is kept as an id no agent has)
 * @param filter the agents by filter
 * @param selection the id of a saved selection (resolved by core's {@code Selections})
 * @param code the state code to set
 * @param clear {@code true} to clear the custom state instead; {@code null} is refused, as it
 *     always was
 * @param note a note for the audit trail
 * @param verify whether to read the state back; {@code null} or left out: the configured default
 * @param confirmCount the number of agents, typed by the caller, where a large change needs it
 */
public record ChangeBody(
    @WrongType(
            value = "must be an array of agent ids",
            element = "must hold integer agent ids, found %s")
        List<Long> agents,
    FilterBody filter,
    @WrongType(SELECTION) @Positive(message = SELECTION) Long selection,
    @Min(value = CustomState.MIN, message = STATE_CODE)
        @Max(value = CustomState.MAX, message = STATE_CODE)
        Integer code,
    @WrongType(nullIsWrong = true) Boolean clear,
    String note,
    Boolean verify,
    Integer confirmCount) {

  static final String SELECTION = "must be the id (a positive integer) of a saved selection";

  static final String STATE_CODE =
      "must be a state code " + CustomState.RANGE + ", was ${validatedValue}";

  /** The change core is asked for, without its selection (core's {@code Selections} adds it). */
  ChangeRequest toRequest(String idempotencyKey) {
    return new ChangeRequest(
        agents == null ? null : agents.stream().map(ChangeBody::agentId).toList(),
        filter == null ? null : filter.toFilter(),
        StateTarget.of(code, Boolean.TRUE.equals(clear)),
        note,
        idempotencyKey,
        verify,
        confirmCount);
  }

  /** An id beyond {@code int} as -1, an id no agent has (core refuses it as such). */
  static Integer agentId(Long id) {
    return id < Integer.MIN_VALUE || id > Integer.MAX_VALUE ? -1 : id.intValue();
  }
}
