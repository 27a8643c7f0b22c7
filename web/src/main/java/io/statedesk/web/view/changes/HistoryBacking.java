package io.statedesk.web.view.changes;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.bulk.ChangeHistory;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.HistoryFilter;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.web.i18n.Instants;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The history of bulk changes the user may see (supervisors: their own and those that touched their
 * teams; admins: all), newest first, filtered by dates, supervisor, code and team.
 */
@Named("history")
@ViewScoped
public class HistoryBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ChangeHistory history;
  @Inject transient StateCatalog catalog;
  @Inject transient TeamScope teamScope;

  private LocalDate from;
  private LocalDate to;
  private String createdBy;
  private String code = "";
  private String team = "";
  private final LazyDataModel<ChangeView> model = new Changes();

  /** Today's labels of the codes on the page shown, to show renamed codes' labels beside. */
  private Map<Integer, String> today = Map.of();

  private final class Changes extends LazyDataModel<ChangeView> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) history.countHistory(filter());
    }

    @Override
    public List<ChangeView> load(
        int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
      setRowCount(count(filters));
      List<ChangeView> page = history.history(filter(), first, pageSize);
      Set<Integer> codes = new HashSet<>();
      page.forEach(c -> codes.add(c.code()));
      codes.remove(null);
      today = catalog.labelsToday(codes);
      return page;
    }

    @Override
    public String getRowKey(ChangeView c) {
      return Long.toString(c.id());
    }
  }

  /** Dates are whole days in the server's zone; "to" includes its day. */
  HistoryFilter filter() {
    ZoneId zone = ZoneId.systemDefault();
    return new HistoryFilter(
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
        createdBy == null || createdBy.isBlank() ? null : createdBy.strip(),
        code == null || code.isBlank() ? null : Integer.valueOf(code),
        team == null || team.isBlank() ? null : team);
  }

  /** Today's label of the change's code when renamed since the change, else null. */
  public String renamed(ChangeView c) {
    return Labels.renamed(c.code(), c.codeLabel(), today);
  }

  /** An instant as local date and time of the server's zone, to the second. */
  public String format(Instant at) {
    return Instants.local(at);
  }

  public List<StateCode> getCodeChoices() {
    return catalog.active();
  }

  public List<String> getTeamChoices() {
    return teamScope.choosableTeams();
  }

  public LazyDataModel<ChangeView> getModel() {
    return model;
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

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }
}
