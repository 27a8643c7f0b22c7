package io.statedesk.core.problem;

/**
 * What kind of refusal a {@link ProblemException} is, in words of the domain; the REST API maps
 * each to one HTTP status (400, 403, 404, 409), the pages to a message.
 */
public enum ProblemKind {
  /** The request breaks a rule: a field out of range, a missing confirmation, a bad file. */
  INVALID,
  /** The caller's role or teams do not allow it. */
  FORBIDDEN,
  /** No such thing, or not one the caller may see (never says which, so ids cannot be probed). */
  NOT_FOUND,
  /** The thing is in a state that does not allow it now: edited meanwhile, in use, finished. */
  CONFLICT
}
