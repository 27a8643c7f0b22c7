package io.statedesk.web.view.admin;

import io.statedesk.core.audit.AuditEvent;
import io.statedesk.core.catalog.CatalogExceptions;
import io.statedesk.core.catalog.InvalidStateCodeException;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The admin's catalog page: the lazy table with its search, activation, deletion, and one code's
 * audit history. The create/edit dialog is {@link CatalogEditBacking}, export and import {@link
 * CatalogImportBacking}, the reserved ranges {@link CatalogRangesBacking}. Rules live in core.
 */
@Named("catalogAdmin")
@ViewScoped
public class CatalogAdminBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient StateCatalog catalog;

  private String text;
  private String activeFilter = "all";
  private final LazyDataModel<StateCode> codes = new Codes();

  private List<AuditEvent> history = List.of();
  private Integer historyCode;

  private final class Codes extends LazyDataModel<StateCode> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) catalog.count(text, activeOnly());
    }

    @Override
    public List<StateCode> load(
        int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
      SortMeta sort = sorts.values().stream().findFirst().orElse(null);
      String field = sort == null ? "sortOrder" : sort.getField();
      boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
      setRowCount(count(filters));
      return catalog.page(text, activeOnly(), field, ascending, first, pageSize);
    }

    @Override
    public String getRowKey(StateCode code) {
      return Integer.toString(code.getCode());
    }

    @Override
    public StateCode getRowData(String rowKey) {
      return catalog.get(Integer.parseInt(rowKey));
    }
  }

  private Boolean activeOnly() {
    return switch (activeFilter == null ? "all" : activeFilter) {
      case "active" -> Boolean.TRUE;
      case "inactive" -> Boolean.FALSE;
      default -> null;
    };
  }

  // ------------------------------------------------------------------------------ actions

  public void setActive(StateCode code, boolean active) {
    try {
      catalog.setActive(code.getCode(), active);
      Texts.addGlobalInfo(active ? "catalog.reactivated" : "catalog.deactivated", code.getCode());
    } catch (InvalidStateCodeException e) {
      Texts.addGlobalError("catalog.failed", Texts.say(e.text()));
    }
  }

  public void delete(StateCode code) {
    try {
      catalog.delete(code.getCode());
      Texts.addGlobalInfo("catalog.deleted", code.getCode());
    } catch (CatalogExceptions.StateCodeInUseException e) {
      Texts.addGlobalError("catalog.inUse", code.getCode());
    }
  }

  public void showHistory(StateCode code) {
    historyCode = code.getCode();
    history = catalog.history(code.getCode(), 100);
  }

  // ------------------------------------------------------------------------------ getters

  public LazyDataModel<StateCode> getCodes() {
    return codes;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getActiveFilter() {
    return activeFilter;
  }

  public void setActiveFilter(String activeFilter) {
    this.activeFilter = activeFilter;
  }

  public List<AuditEvent> getHistory() {
    return history;
  }

  public Integer getHistoryCode() {
    return historyCode;
  }
}
