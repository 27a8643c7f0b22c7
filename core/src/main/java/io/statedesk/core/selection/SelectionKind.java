package io.statedesk.core.selection;

/** What a saved selection remembers. */
public enum SelectionKind {
  /** The picker's filter, re-evaluated (within the user's teams) each time it is used. */
  DYNAMIC,
  /** The agents picked when it was saved, by id. */
  FIXED
}
