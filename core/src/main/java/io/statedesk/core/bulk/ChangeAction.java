package io.statedesk.core.bulk;

/** What a bulk change does to each agent. */
public enum ChangeAction {
  /** {@code setcustomstate} with the change's code. */
  SET,
  /** {@code cancelsetcustomstate}: no custom state afterwards. */
  CLEAR,
  /** An undo: each agent gets back the state it had before (set, or cleared). */
  RESTORE
}
