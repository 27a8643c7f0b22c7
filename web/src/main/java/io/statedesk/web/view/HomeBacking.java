package io.statedesk.web.view;

import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview page: what this console can do for the signed-in user today, and what still has to
 * be set up before it can (each item says who can set it up).
 */
@Named("home")
@RequestScoped
public class HomeBacking {

  /** One line of the set-up checklist: a message key and whether it is done. */
  public record SetupItem(String key, boolean done) {}

  @Inject Caller caller;

  /** The checklist for the caller's role, in the order the work has to happen. */
  public List<SetupItem> getSetup() {
    List<SetupItem> items = new ArrayList<>();
    items.add(new SetupItem("home.setup.signedIn", true));
    items.add(new SetupItem("home.setup.gateway", false));
    items.add(new SetupItem("home.setup.catalog", false));
    items.add(new SetupItem("home.setup.directory", false));
    if (caller.has(Role.SUPERVISOR)) {
      items.add(new SetupItem("home.setup.teams", false));
    }
    return items;
  }
}
