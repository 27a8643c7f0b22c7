package io.statedesk.web.view.admin;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.catalog.CatalogExceptions;
import io.statedesk.core.catalog.FieldError;
import io.statedesk.core.catalog.InvalidStateCodeException;
import io.statedesk.core.catalog.ReservedRange;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.catalog.StateCodeData;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The catalog page's create/edit dialog ({@code editForm}): fills it from a saved code, saves it
 * through core, and shows core's field errors next to their fields.
 */
@Named("catalogEdit")
@ViewScoped
public class CatalogEditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient StateCatalog catalog;
  @Inject transient TeamScope teamScope;

  private CatalogForm form = new CatalogForm();
  private boolean editing;
  private long editedVersion;

  /** The directory's teams, and the code's own (empty: offered to all teams). */
  public List<String> getTeamChoices() {
    return TeamChoices.choices(teamScope.knownTeams(), form.getTeams());
  }

  public void startCreate() {
    form = new CatalogForm();
    editing = false;
  }

  public void startEdit(StateCode code) {
    StateCode fresh = catalog.get(code.getCode());
    form = CatalogForm.of(fresh);
    editedVersion = fresh.getVersion();
    editing = true;
  }

  public void save() {
    StateCodeData data = form.toData();
    try {
      if (editing) {
        catalog.update(form.getCode(), data, editedVersion);
        Texts.addGlobalInfo("catalog.saved", form.getCode());
        warnIfReserved(form.getCode());
      } else {
        catalog.create(data);
        Texts.addGlobalInfo("catalog.created", form.getCode());
      }
      PrimeFaces.current().executeScript("PF('editDialog').hide()");
    } catch (InvalidStateCodeException e) {
      for (FieldError error : e.errors()) {
        String id = CatalogForm.FIELD_IDS.get(error.field());
        Texts.rejectField(
            id == null ? null : "editForm:" + id,
            Texts.text(
                "field.problem",
                Texts.text("catalog.field." + baseField(error.field())),
                Texts.say(error.text())));
      }
    } catch (CatalogExceptions.StaleStateCodeException e) {
      Texts.addGlobal(FacesMessage.SEVERITY_ERROR, "catalog.stale", form.getCode());
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  /** A code kept inside a reserved range (made before the range) is saved, with a warning. */
  private void warnIfReserved(int code) {
    for (ReservedRange range : catalog.rangesHolding(code)) {
      Texts.addGlobal(
          FacesMessage.SEVERITY_WARN,
          "catalog.ranges.codeInside",
          code,
          range.getFirstCode(),
          range.getLastCode(),
          range.getReason());
    }
  }

  private static String baseField(String field) {
    return field.startsWith("labels.") ? "labels" : field;
  }

  public CatalogForm getForm() {
    return form;
  }

  public boolean isEditing() {
    return editing;
  }
}
