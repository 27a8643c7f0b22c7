package io.statedesk.web.view.audit;

import io.statedesk.web.i18n.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * What an audited action is called on the pages ("Signed in" for {@code login.succeeded}), in the
 * view's language. The key itself stays the record's: the API and the CSV export give it as is, so
 * that scripts can match it, and the pages show it as the label's tooltip.
 */
@Named
@ApplicationScoped
public class AuditActions {

  /** The label of {@code action} ({@code audit.event.<action>}), or the key when it has none. */
  public String label(String action) {
    if (action == null || action.isBlank()) {
      return "";
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    String key = "audit.event." + action;
    // an action added in core without a label yet shows its key, never "???...???"
    return faces.getApplication().getResourceBundle(faces, "msg").containsKey(key)
        ? Texts.text(key)
        : action;
  }
}
