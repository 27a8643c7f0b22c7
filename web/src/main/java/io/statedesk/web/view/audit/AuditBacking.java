package io.statedesk.web.view.audit;

import io.statedesk.core.trail.AuditCategory;
import io.statedesk.core.trail.AuditEntry;
import io.statedesk.core.trail.AuditExport;
import io.statedesk.core.trail.AuditFilter;
import io.statedesk.core.trail.AuditPage;
import io.statedesk.core.trail.AuditRetention;
import io.statedesk.core.trail.AuditTrail;
import io.statedesk.web.i18n.Instants;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The audit page: every audited event the user may see (core scopes it), filtered by who, what,
 * when, agent and change, newest first. Why no total and no page numbers: counting millions of rows
 * on every page turn is what keyset paging avoids; the table steps page by page, each page read
 * after the cursor of the one before it.
 */
@Named("audit")
@ViewScoped
public class AuditBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AuditTrail trail;
  @Inject transient AuditExport export;
  @Inject transient AuditRetention retention;

  private String actor;
  private String what = "";
  private LocalDate from;
  private LocalDate to;
  private Integer agent;
  private Long change;
  private final LazyDataModel<AuditEntry> model = new Events();

  private final class Events extends LazyDataModel<AuditEntry> {
    private static final long serialVersionUID = 1L;

    /** The cursor each page starts after, by its first row, as far as the user has paged. */
    private final Map<Integer, String> cursors = new HashMap<>();

    private AuditFilter shown;

    /**
     * Not a count: the table asks before it loads, and counting is what keyset paging avoids. "As
     * many as could be" keeps the table from moving the page back; {@link #load} then sets the rows
     * seen so far, plus one while there is a next page.
     */
    @Override
    public int count(Map<String, FilterMeta> filters) {
      return Integer.MAX_VALUE;
    }

    @Override
    public List<AuditEntry> load(
        int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
      AuditFilter filter = filter();
      if (!filter.equals(shown)) {
        cursors.clear();
        shown = filter;
      }
      String after = cursors.get(first);
      AuditPage page = trail.page(filter, after, after == null ? first : 0, pageSize);
      if (page.next() != null) {
        cursors.put(first + pageSize, page.next());
      }
      // one more row than shown while there is a next page: the paginator offers "next" only then
      setRowCount(first + page.entries().size() + (page.next() == null ? 0 : 1));
      return page.entries();
    }

    @Override
    public String getRowKey(AuditEntry e) {
      return Long.toString(e.id());
    }
  }

  /** Dates are whole days in the server's zone; "to" includes its day. */
  AuditFilter filter() {
    ZoneId zone = ZoneId.systemDefault();
    return new AuditFilter(
        actor,
        what == null || what.isBlank() ? null : AuditCategory.valueOf(what),
        null,
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
        agent,
        change);
  }

  /** A filter changed: back to the newest events. */
  public void filtered() {
    UIComponent table =
        FacesContext.getCurrentInstance().getViewRoot().findComponent("auditForm:auditTable");
    if (table instanceof DataTable t) {
      t.setFirst(0);
    }
  }

  /** The events of the filter as CSV, streamed as they are read. */
  public StreamedContent getExport() {
    AuditFilter filter = filter();
    return DefaultStreamedContent.builder()
        .name("audit.csv")
        .contentType("text/csv; charset=UTF-8")
        .writer(out -> export.csv(filter, out))
        .build();
  }

  public String format(Instant at) {
    return Instants.local(at);
  }

  public AuditCategory[] getCategories() {
    return AuditCategory.values();
  }

  /** The retention in days, 0 when events are kept for ever. */
  public int getRetentionDays() {
    return retention.days();
  }

  public LazyDataModel<AuditEntry> getModel() {
    return model;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getWhat() {
    return what;
  }

  public void setWhat(String what) {
    this.what = what;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public Integer getAgent() {
    return agent;
  }

  public void setAgent(Integer agent) {
    this.agent = agent;
  }

  public Long getChange() {
    return change;
  }

  public void setChange(Long change) {
    this.change = change;
  }
}
