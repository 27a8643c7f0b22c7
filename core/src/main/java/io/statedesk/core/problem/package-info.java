/**
 * The one shape of a refusal that users can cause: {@link
 * io.statedesk.core.problem.ProblemException} and its {@link
 * io.statedesk.core.problem.ProblemKind}.
 *
 * <p>Every feature throws its own typed exception (the catalog's "code in use", the bulk engine's
 * "change not found", ...), and each of them says which kind of refusal it is and which field it is
 * about. The edges then map the kind once: the REST API to an HTTP status in one exception mapper,
 * the pages to a message beside the field. This package depends on nothing else in core, so that
 * every feature, and the layers below them, may use it without a cycle.
 */
package io.statedesk.core.problem;
