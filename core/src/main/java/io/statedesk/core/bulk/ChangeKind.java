package io.statedesk.core.bulk;

/** How a bulk change came about. */
public enum ChangeKind {
  /** Made by a user from a selection or a filter. */
  NEW,
  /** The agents of an earlier change that did not succeed. */
  RETRY,
  /** Restores the states an earlier change replaced. */
  UNDO,
  /** A scheduled change's automatic revert: like an undo, at the scheduled time. */
  REVERT
}
