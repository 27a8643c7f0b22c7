package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.web.i18n.Instants;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * One bulk change: live progress and counts, per-agent outcomes filtered by outcome, and the
 * export. {@code ?id=N}. The actions (cancel, retry failed, undo) are {@link ChangeActionsBacking},
 * the names of states {@link ChangeLabels}.
 */
@Named("change")
@ViewScoped
public class ChangeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient BulkChanges changes;
  @Inject ChangeLabels labels;
  @Inject UserZone zone;

  private Long id;
  private String outcomeFilter = "";
  private ChangeView view;
  private boolean missing;
  private boolean details;
  private final LazyDataModel<BulkOutcome> outcomes = new Outcomes();

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
    Messages.addInfo(
        "growl",
        Texts.text(
            "change.finished.growl",
            view.id(),
            labels.stateLabel(view.code()),
            view.counts().succeeded(),
            view.counts().failed() + view.counts().noSession()));
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

  /** The outcomes the caller may see, as CSV. */
  public StreamedContent getExport() {
    return DefaultStreamedContent.builder()
        .name("change-" + id + ".csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(this::writeExport)
        .build();
  }

  private void writeExport(OutputStream out) {
    try {
      ChangeCsv.write(changes.export(id), zone.zone(), labels.forExport(zone.getId()), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state an outcome gave, as then and (if renamed since) as today. */
  public String targetLabel(BulkOutcome o) {
    return labels.targetLabel(o);
  }

  /** Today's label of the change's code when it was renamed since the change, else null. */
  public String getRenamed() {
    return labels.renamed(view);
  }

  public String previousLabel(BulkOutcome o) {
    return labels.previousLabel(o);
  }

  /** An instant as local date and time of the server's zone, to the second. */
  public String format(Instant at) {
    return Instants.local(at);
  }

  /** The counts to show: all, succeeded, and each other one that is not zero. */
  public List<CountRow> getCountRows() {
    return view == null ? List.of() : CountRow.of(view.counts(), view.finished());
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
