package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.Counts;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.web.i18n.LocaleBacking;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
  @Inject UserZone zone;
  private transient Map<Integer, String> today;
  private transient Set<Integer> asked;

  private Long id;
  private String outcomeFilter = "";
  private ChangeView view;
  private boolean missing;
  private boolean details;
  private transient Map<Integer, StateCode> codes;
  private final LazyDataModel<BulkOutcome> outcomes = new Outcomes();

  /**
   * One idempotency key per rendered page: a double click on Undo or Retry (two requests from the
   * same rendering) makes one change.
   */
  private final String actionKey = UUID.randomUUID().toString();

  /**
   * The rows of the table, served from the last {@link #snapshot} when the table asks for the same
   * page, so the header and the rows of one rendering agree.
   */
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
      pageFirst = first;
      this.pageSize = pageSize;
      Snapshot s = snapshot;
      if (s != null && s.first() == first && s.size() == pageSize && s.filter().equals(filter())) {
        snapshot = null; // served once: paging back later reads afresh
        setRowCount((int) s.count());
        return s.rows();
      }
      setRowCount(count(filters));
      return changes.outcomes(id, statuses(), first, pageSize);
    }

    private int pageSize = 25;

    @Override
    public String getRowKey(BulkOutcome o) {
      return Integer.toString(o.getAgentId());
    }
  }

  /** The header's change and one page of its rows, read so that they agree. */
  private record Snapshot(String filter, int first, int size, long count, List<BulkOutcome> rows) {}

  private transient Snapshot snapshot;
  private int pageFirst;

  /**
   * Reads the change and the table's current page so that they agree: the counts before and after
   * reading the rows must be equal (else a call finished in between, and it reads again, up to
   * three times). Without this the first render said "Running · 6 pending" above rows that all said
   * succeeded.
   */
  private void snapshot() {
    int size = ((Outcomes) outcomes).pageSize;
    for (int attempt = 0; attempt < 3; attempt++) {
      ChangeView before = changes.get(id);
      List<BulkOutcome> rows = changes.outcomes(id, statuses(), pageFirst, size);
      long count = changes.countOutcomes(id, statuses());
      view = changes.get(id);
      snapshot = new Snapshot(filter(), pageFirst, size, count, rows);
      if (before.counts().equals(view.counts()) && before.status() == view.status()) {
        return;
      }
    }
  }

  private String filter() {
    return outcomeFilter == null ? "" : outcomeFilter;
  }

  /** Flash key: the change the user just made, whose page they are sent to. */
  static final String JUST_MADE = "io.statedesk.justMade";

  /**
   * The page to go to after making a change; it announces the end of the change even if the change
   * finished before the page's first poll (small changes often do).
   */
  static String pageOfNew(long changeId) {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().put(JUST_MADE, changeId);
    return "/change?faces-redirect=true&id=" + changeId;
  }

  /** Loads the change named by {@code ?id}; an unknown or foreign id says so on the page. */
  public void load() {
    if (id == null) {
      missing = true;
      return;
    }
    try {
      snapshot();
      missing = false;
    } catch (ChangeNotFoundException e) {
      missing = true;
      view = null;
      return;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
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
    FacesContext.getCurrentInstance()
        .addMessage(
            "growl",
            new FacesMessage(
                FacesMessage.SEVERITY_INFO,
                Texts.text(
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
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
      return null;
    }
  }

  public String undo() {
    try {
      return pageOfNew(changes.undo(id, "undo:" + actionKey).change().id());
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
      return null;
    }
  }

  private void act(Runnable action, String okKey) {
    try {
      action.run();
      Texts.addGlobalInfo(okKey, id);
    } catch (ChangeStateException | AccessDeniedException | ChangeNotFoundException e) {
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
    }
    load();
  }

  /** The outcomes the caller may see, as CSV. */
  public StreamedContent getExport() {
    return DefaultStreamedContent.builder()
        .name("change-" + id + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .stream(() -> new ByteArrayInputStream(exportForPeople()))
        .build();
  }

  private byte[] exportForPeople() {
    ChangeCsv.Labels labels =
        new ChangeCsv.Labels(
            Texts.text("export.outcome"),
            Texts.text("export.target"),
            Texts.text("export.previous"),
            Texts.text("export.finished", zone.getId()),
            outcome -> Texts.text("outcome." + ("IN_FLIGHT".equals(outcome) ? "PENDING" : outcome)),
            this::exportedState);
    return ChangeCsv.forPeople(changes.exportCsv(id), zone.zone(), labels);
  }

  /** A state column's raw value (a code, clear, none, unknown) as the page says it. */
  private String exportedState(String raw) {
    return switch (raw) {
      case "clear" -> Texts.text("change.cleared");
      case "none", "unknown", "" -> raw;
      default -> {
        try {
          yield stateLabel(Integer.valueOf(raw));
        } catch (NumberFormatException e) {
          yield raw;
        }
      }
    };
  }

  /** The label of a target state in the viewer's language, or the code if not in the catalog. */
  public String stateLabel(Integer state) {
    if (state == null) {
      return Texts.text("change.cleared");
    }
    StateCode c = codes().get(state);
    return c == null ? Integer.toString(state) : state + " · " + c.labelFor(locale.getLocale());
  }

  /**
   * The state an outcome gave, with the label it had when the change was made (and today's beside
   * it if renamed since).
   */
  public String targetLabel(BulkOutcome o) {
    Integer state = o.getTargetState();
    StateCode c = state == null ? null : codes().get(state);
    return Labels.asThen(
        state, o.getTargetLabel(), c == null ? null : c.labelFor(locale.getLocale()), today(state));
  }

  /** Today's label of the change's code when it was renamed since the change, else null. */
  public String getRenamed() {
    return view == null ? null : Labels.renamed(view.code(), view.codeLabel(), today(view.code()));
  }

  /** Today's labels of the codes asked for so far (one read per code, kept for the view). */
  private Map<Integer, String> today(Integer code) {
    if (today == null) {
      today = new HashMap<>();
      asked = new HashSet<>();
    }
    if (code != null && asked.add(code)) {
      today.putAll(catalog.labelsToday(Set.of(code)));
    }
    return today;
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
  public String format(Instant at) {
    return Instants.local(at);
  }

  /**
   * One count above the table.
   *
   * @param outcome the outcome filter it sets when clicked ("" = all), or {@code null} when it is
   *     not an outcome (holding, re-applied, drifted) and so filters nothing
   */
  public record CountRow(
      String name, String outcome, long count, String labelKey, String styleClass) {
    public boolean filters() {
      return outcome != null;
    }
  }

  /** The counts to show: all, succeeded, and each other one that is not zero. */
  public List<CountRow> getCountRows() {
    if (view == null) {
      return List.of();
    }
    Counts n = view.counts();
    List<CountRow> rows = new ArrayList<>();
    rows.add(new CountRow("all", "", n.total(), "change.counts.all", ""));
    long pending = n.pending() + n.inFlight();
    if (pending > 0 || !view.finished()) {
      rows.add(new CountRow("pending", "PENDING", pending, "outcome.PENDING", ""));
    }
    rows.add(new CountRow("succeeded", "SUCCEEDED", n.succeeded(), "outcome.SUCCEEDED", "sd-ok"));
    addIfAny(rows, "failed", "FAILED", n.failed(), "outcome.FAILED", "sd-bad");
    addIfAny(rows, "noSession", "NO_SESSION", n.noSession(), "outcome.NO_SESSION", "sd-warn");
    addIfAny(rows, "skipped", "SKIPPED", n.skipped(), "outcome.SKIPPED", "");
    addIfAny(rows, "cancelled", "CANCELLED", n.cancelled(), "outcome.CANCELLED", "");
    addIfAny(rows, "held", null, n.held(), "change.held", "sd-ok");
    addIfAny(rows, "reapplied", null, n.reapplied(), "change.reapplied", "");
    addIfAny(rows, "drifted", null, n.drifted(), "change.drifted", "sd-bad");
    return rows;
  }

  private static void addIfAny(
      List<CountRow> rows, String name, String outcome, long n, String key, String style) {
    if (n > 0) {
      rows.add(new CountRow(name, outcome, n, key, style));
    }
  }

  /** The question before an undo, naming how many agents it gives their earlier state back. */
  public String getUndoQuestion() {
    return view == null ? "" : Texts.counted("change.undo.confirm", view.counts().succeeded());
  }

  public String getUndoYes() {
    return view == null ? "" : Texts.counted("change.undo.yes", view.counts().succeeded());
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

  /**
   * {@code ?id} as typed: anything but a change number ("abc") is "no such change", not an error.
   */
  public String getIdText() {
    return id == null ? null : Long.toString(id);
  }

  public void setIdText(String text) {
    id = text != null && text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip()) : null;
  }

  public String getOutcomeFilter() {
    return outcomeFilter;
  }

  public void setOutcomeFilter(String outcomeFilter) {
    this.outcomeFilter = outcomeFilter;
  }

  /** A count was clicked: the table shows the agents with that outcome (blank: all). */
  public void filterBy(String outcome) {
    outcomeFilter = outcome;
    pageFirst = 0;
    snapshot = null;
  }

  /** Whether the technical columns (retcode, attempts, ms) are shown. */
  public boolean isDetails() {
    return details;
  }

  public void toggleDetails() {
    details = !details;
  }
}
