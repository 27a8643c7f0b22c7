package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The action buttons of the change page and their confirmations: cancel, retry the failed agents,
 * undo. Core decides whether the change allows each; a refusal becomes a message.
 */
@Named("changeActions")
@ViewScoped
public class ChangeActionsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BulkChanges changes;
  @Inject ChangeBacking change;

  /**
   * One idempotency key per rendered page: a double click on Undo or Retry (two requests from the
   * same rendering) makes one change.
   */
  private final String actionKey = UUID.randomUUID().toString();

  public void cancel() {
    try {
      changes.cancel(change.getId());
      Texts.addGlobalInfo("change.cancelRequested", change.getId());
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
    }
    change.load();
  }

  public String retryFailed() {
    return made(() -> changes.retryFailed(change.getId(), "retry:" + actionKey));
  }

  public String undo() {
    return made(() -> changes.undo(change.getId(), "undo:" + actionKey));
  }

  /** The page of the change just made, or none (staying here) with the refusal's message. */
  private static String made(Supplier<BulkChanges.Submitted> action) {
    try {
      return ChangeBacking.pageOfNew(action.get().change().id());
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
      return null;
    }
  }

  /** The question before an undo, naming how many agents it gives their earlier state back. */
  public String getUndoQuestion() {
    ChangeView view = change.getView();
    return view == null ? "" : Texts.counted("change.undo.confirm", view.counts().succeeded());
  }

  public String getUndoYes() {
    ChangeView view = change.getView();
    return view == null ? "" : Texts.counted("change.undo.yes", view.counts().succeeded());
  }
}
