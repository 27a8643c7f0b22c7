package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.Preview;
import io.statedesk.core.bulk.StateTarget;
import io.statedesk.core.bulk.Verdict;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.Text;
import io.statedesk.core.schedule.Schedules;
import io.statedesk.core.selection.SelectionView;
import io.statedesk.core.selection.Selections;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * The "set state" dialog of the agents page: choose a code (or clear), preview what will happen to
 * each selected agent, confirm, apply. One idempotency key per preview, so a double click makes one
 * change.
 */
@Named("setState")
@ViewScoped
public class SetStateBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The client id of the confirmation field. */
  static final String CONFIRMATION = "setStateForm:confirmation";

  /** The "clear the custom state" choice in the code menu. */
  public static final String CLEAR = "clear";

  @Inject transient BulkChanges changes;
  @Inject transient StateCatalog catalog;
  @Inject PickedAgents agents;
  @Inject transient Schedules schedules;
  @Inject UserZone zone;
  @Inject transient Selections selections;

  private String choice;
  private Long source;
  private transient List<SelectionView> savedSelections;
  private String note;
  private boolean verify;
  private String confirmation;
  private Preview preview;
  private ChangeRequest previewed;
  private PreviewRows rows;
  private String key;
  private ScheduleFields when = new ScheduleFields();

  /** Opens the dialog afresh, on the picked agents (or the first saved selection if none). */
  public void open() {
    savedSelections = null;
    source =
        agents.getSelectedCount() > 0 || getSavedSelections().isEmpty()
            ? null
            : getSavedSelections().get(0).id();
    choice = null;
    note = null;
    confirmation = null;
    preview = null;
    when = new ScheduleFields();
    verify = changes.verifyByDefault();
  }

  /** Opens the dialog to schedule a change on a saved selection (the Schedule page). */
  public void openLater() {
    open();
    when.setLater(true);
  }

  /** Computes the preview of the selection; nothing is written. */
  public void preview() {
    preview = null;
    try {
      ChangeRequest request = request();
      // the summary only: the table reads its rows a page at a time (PreviewRows)
      preview = changes.preview(request).summary();
      previewed = request;
      rows = new PreviewRows(this::previewRows, preview.total());
      key = UUID.randomUUID().toString();
      confirmation = null;
      if (preview.confirmationRequired()) {
        PrimeFaces.current().focus(CONFIRMATION);
      }
    } catch (ProblemException e) {
      Texts.addGlobalError("setState.refused", Texts.say(e.text()));
    }
  }

  /** Makes the change and goes to its page. */
  public String apply() {
    if (preview == null) {
      Texts.addGlobalError("setState.previewFirst");
      return null;
    }
    Integer typed = null;
    if (preview.confirmationRequired()) {
      if (!checkConfirmation()) {
        return null;
      }
      typed = preview.total();
    }
    try {
      ChangeRequest request = request().withKey(key).withConfirmation(typed);
      if (when.isLater()) {
        long id = schedules.schedule(when.request(request, zone)).schedule().id();
        Texts.addGlobalInfo("schedule.made", id);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/schedule?faces-redirect=true";
      }
      BulkChanges.Submitted made = changes.submit(request);
      return ChangeBacking.pageOfNew(made.change().id());
    } catch (ProblemException e) {
      Texts.addGlobalError("setState.refused", Texts.say(e.text()));
      return null;
    }
  }

  /**
   * Checks the typed confirmation (on leaving the field, and again on Apply): a wrong number is
   * said beside the field, which is marked invalid and focused, in the same number format as the
   * label.
   */
  public boolean checkConfirmation() {
    if (preview == null || !preview.confirmationRequired() || preview.confirmedBy(confirmation)) {
      return true;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.getViewRoot().findComponent(CONFIRMATION) instanceof UIInput input) {
      input.setValid(false);
      // shown as typed: an input marked invalid after the model took its value renders empty
      input.setSubmittedValue(confirmation);
    }
    Texts.addFieldError(CONFIRMATION, "setState.confirmMismatch", getTotalText());
    faces.validationFailed();
    PrimeFaces.current().focus(CONFIRMATION);
    return false;
  }

  /** The sentence above the confirmation field: how many will really change, and how many not. */
  public String getConfirmLabel() {
    return counted("setState.confirm");
  }

  /** The one-line summary of the preview, in the same words as the confirmation. */
  public String getSummary() {
    return counted("setState.summary");
  }

  /** {@code key} with the preview's total, changing, cannot and unchanged counts. */
  private String counted(String key) {
    return preview == null
        ? ""
        : Texts.text(
            key,
            getTotalText(),
            Texts.quantity(preview.changing()),
            Texts.quantity(preview.cannot()),
            Texts.quantity(preview.unchanged()));
  }

  public String getTotalText() {
    return preview == null ? "" : Texts.quantity(preview.total());
  }

  private ChangeRequest request() {
    if (choice == null || choice.isBlank()) {
      throw new InvalidChangeException("code", Text.of("bulk.code.none"));
    }
    StateTarget target =
        CLEAR.equals(choice) ? StateTarget.clear() : StateTarget.set(Integer.parseInt(choice));
    ChangeRequest request =
        new ChangeRequest(
            source == null ? new ArrayList<>(agents.getSelected()) : null,
            null,
            target,
            note,
            null,
            verify,
            null);
    return source == null ? request : selections.applyTo(source, request);
  }

  /** The line above the form: the picked agents, or the saved selection chosen. */
  public String getIntro() {
    return source == null
        ? Texts.text("setState.intro", agents.getSelectedCount())
        : Texts.text("setState.introSelection");
  }

  /** The saved selections the user may use, for the dialog's "Agents" menu. */
  public List<SelectionView> getSavedSelections() {
    if (savedSelections == null) {
      savedSelections = selections.list();
    }
    return savedSelections;
  }

  public Long getSource() {
    return source;
  }

  public void setSource(Long source) {
    if (!Objects.equals(source, this.source)) {
      preview = null; // a preview is for one set of agents only
    }
    this.source = source;
  }

  public List<StateCode> getCodes() {
    return catalog.active();
  }

  /** The preview's rows, a page at a time; null before a preview. */
  public PreviewRows getRows() {
    return preview == null ? null : rows;
  }

  private List<Preview.Row> previewRows(int first, int max) {
    return preview == null ? List.of() : changes.previewRows(previewed, first, max);
  }

  public int count(String verdict) {
    return preview == null ? 0 : preview.count(Verdict.valueOf(verdict));
  }

  /** The verdicts that some agent of the preview has. */
  public List<Verdict> getVerdicts() {
    return preview == null
        ? List.of()
        : Arrays.stream(Verdict.values()).filter(v -> preview.count(v) > 0).toList();
  }

  public Preview getPreview() {
    return preview;
  }

  public String getChoice() {
    return choice;
  }

  public void setChoice(String choice) {
    if (choice == null || !choice.equals(this.choice)) {
      preview = null; // a preview is for one choice only
    }
    this.choice = choice;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public boolean isVerify() {
    return verify;
  }

  public void setVerify(boolean verify) {
    this.verify = verify;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public ScheduleFields getWhen() {
    return when;
  }

  public String getClearValue() {
    return CLEAR;
  }
}
