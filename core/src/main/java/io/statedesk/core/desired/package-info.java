/**
 * Desired states: what the console intends each agent's custom state to be, and keeping it true.
 *
 * <p>A custom state lives in the agent's gateway session, so a new session starts without one. A
 * change is therefore not a list of calls that once succeeded but a desire per agent, kept as
 * layers ({@link DesiredLayer}): the newest layer wins while it lasts, and undo or revert removes a
 * change's layer so that the one below resumes. The bulk engine's {@code Reconciler} reads an
 * agent's state back whenever it gets a new session and on a slow, rate-bounded cycle, re-applies
 * the desired state after a new session, and reports (or, if configured, overwrites) drift from
 * outside.
 */
package io.statedesk.core.desired;
