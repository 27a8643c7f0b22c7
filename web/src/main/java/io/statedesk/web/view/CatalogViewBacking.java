package io.statedesk.web.view;

import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The read-only catalog for supervisors and admins: the active codes they can choose from. */
@Named("catalogView")
@RequestScoped
public class CatalogViewBacking {

  @Inject StateCatalog catalog;

  private List<StateCode> active;

  public List<StateCode> getActive() {
    if (active == null) {
      active = catalog.active();
    }
    return active;
  }
}
