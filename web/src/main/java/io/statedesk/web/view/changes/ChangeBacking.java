package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.web.i18n.LocaleBacking;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * One bulk change: live progress and counts, per-agent outcomes filtered by outcome, and the
 * actions (cancel, retry failed, undo, export). {@code ?id=N}.
 */
@Named("change")
@ViewScoped
public class ChangeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BulkChanges changes;
  @Inject transient StateCatalog catalog;
  @Inject LocaleBacking locale;

  private Long id;
  private String outcomeFilter = "";
  private ChangeView view;
  private boolean missing;
  private transient Map<Integer, StateCode> codes;
  private final LazyDataModel<BulkOutcome> outcomes = new Outcomes();

  /**
   * One idempotency key per rendered page: a double click on Undo or Retry (two requests from the
   * same rendering) makes one change.
   */
  private final String actionKey = java.util.UUID.randomUUID().toString();

  private final class Outcomes extends LazyDataModel<BulkOutcome> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return id == null || missing ? 0 : (int) changes.countOutcomes(id, statuses());
    }

    @Override
    public List<BulkOutcome> load(
        int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
      if (id == null || missing) {
        return List.of();
      }
      setRowCount(count(filters));
      return changes.outcomes(id, statuses(), first, pageSize);
    }

    @Override
    public String getRowKey(BulkOutcome o) {
      return Integer.toString(o.getAgentId());
    }
  }

  /** Flash key: the change the user just made, whose page they are sent to. */
  static final String JUST_MADE = "io.statedesk.justMade";

  /**
   * The page to go to after making a change; it announces the end of the change even if the change
   * finished before the page's first poll (small changes often do).
   */
  static String pageOfNew(long changeId) {
    jakarta.faces.context.FacesContext.getCurrentInstance()
        .getExternalContext()
        .getFlash()
        .put(JUST_MADE, changeId);
    return "/change?faces-redirect=true&id=" + changeId;
  }

  /** Loads the change named by {@code ?id}; an unknown or foreign id says so on the page. */
  public void load() {
    if (id == null) {
      missing = true;
      return;
    }
    try {
      view = changes.get(id);
      missing = false;
    } catch (ChangeNotFoundException e) {
      missing = true;
      view = null;
      return;
    }
    jakarta.faces.context.FacesContext faces =
        jakarta.faces.context.FacesContext.getCurrentInstance();
    if (!faces.isPostback()
        && view.finished()
        && id.equals(faces.getExternalContext().getFlash().get(JUST_MADE))) {
      announceFinished();
    }
  }

  /**
   * Re-reads the counts (the page polls while the change runs); when the change has just finished,
   * says so in a growl notification with its counts.
   */
  public void refresh() {
    boolean wasRunning = view != null && !view.finished();
    load();
    if (wasRunning && view != null && view.finished()) {
      announceFinished();
    }
  }

  private void announceFinished() {
    jakarta.faces.context.FacesContext.getCurrentInstance()
        .addMessage(
            "growl",
            new jakarta.faces.application.FacesMessage(
                jakarta.faces.application.FacesMessage.SEVERITY_INFO,
                io.statedesk.web.i18n.Texts.text(
                    "change.finished.growl",
                    view.id(),
                    stateLabel(view.code()),
                    view.counts().succeeded(),
                    view.counts().failed() + view.counts().noSession()),
                null));
  }

  private Set<OutcomeStatus> statuses() {
    if (outcomeFilter == null || outcomeFilter.isBlank()) {
      return Set.of();
    }
    if ("PENDING".equals(outcomeFilter)) {
      return EnumSet.of(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT);
    }
    return EnumSet.of(OutcomeStatus.valueOf(outcomeFilter));
  }

  public void cancel() {
    act(() -> view = changes.cancel(id), "change.cancelRequested");
  }

  public String retryFailed() {
    try {
      return pageOfNew(changes.retryFailed(id, "retry:" + actionKey).change().id());
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", e.getMessage());
      return null;
    }
  }

  public String undo() {
    try {
      return pageOfNew(changes.undo(id, "undo:" + actionKey).change().id());
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", e.getMessage());
      return null;
    }
  }

  private void act(Runnable action, String okKey) {
    try {
      action.run();
      Texts.addGlobalInfo(okKey, id);
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", e.getMessage());
    }
    load();
  }

  /** The outcomes the caller may see, as CSV. */
  public StreamedContent getExport() {
    return DefaultStreamedContent.builder()
        .name("change-" + id + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .stream(() -> new ByteArrayInputStream(changes.exportCsv(id)))
        .build();
  }

  /** The label of a target state in the viewer's language, or the code if not in the catalog. */
  public String stateLabel(Integer state) {
    if (state == null) {
      return Texts.text("change.cleared");
    }
    StateCode c = codes().get(state);
    return c == null ? Integer.toString(state) : state + " · " + c.labelFor(locale.getLocale());
  }

  public String previousLabel(BulkOutcome o) {
    if (!o.isPreviousKnown()) {
      return Texts.text("change.unknown");
    }
    return o.getPreviousState() == null
        ? Texts.text("change.none")
        : stateLabel(o.getPreviousState());
  }

  private Map<Integer, StateCode> codes() {
    if (codes == null) {
      codes = new HashMap<>();
      catalog.active().forEach(c -> codes.put(c.getCode(), c));
    }
    return codes;
  }

  /** An instant as local date and time of the server's zone, to the second. */
  public String format(java.time.Instant at) {
    return Instants.local(at);
  }

  public List<String> getOutcomeChoices() {
    return List.of("PENDING", "SUCCEEDED", "FAILED", "NO_SESSION", "SKIPPED", "CANCELLED");
  }

  public LazyDataModel<BulkOutcome> getOutcomes() {
    return outcomes;
  }

  public ChangeView getView() {
    return view;
  }

  public boolean isMissing() {
    return missing;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getOutcomeFilter() {
    return outcomeFilter;
  }

  public void setOutcomeFilter(String outcomeFilter) {
    this.outcomeFilter = outcomeFilter;
  }
}
