package io.statedesk.web.view.changes;

import java.util.Set;

/**
 * The agents a supervisor has picked on the page the set-state dialog opens from. An interface
 * here, implemented by the agents page's bean, so that the dialog (used on the agents and the
 * schedule pages) needs no class of the page above it: the dependency points one way, from the page
 * to the change screens.
 */
public interface PickedAgents {

  /** How many agents are picked (the dialog's intro and its "use a saved selection" default). */
  int getSelectedCount();

  /** The picked ids, a copy the change may keep. */
  Set<Integer> getSelected();
}
