package io.statedesk.web.view.admin;

import io.statedesk.core.catalog.FieldError;
import io.statedesk.core.catalog.InvalidStateCodeException;
import io.statedesk.core.catalog.ReservedRange;
import io.statedesk.core.catalog.ReservedRanges;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog page's reserved ranges: Huawei's documented ranges (for reference, never removable)
 * above the admins' own, which admins add and release. Core checks the role and the rules; this
 * bean turns the outcome and the warnings into messages by key.
 */
@Named("catalogRanges")
@ViewScoped
public class CatalogRangesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient StateCatalog catalog;

  private Integer first;
  private Integer last;
  private String note;
  private List<Row> rows;

  /**
   * One line of the list.
   *
   * @param id the admins' range id, {@code null} for Huawei's
   * @param first the first code
   * @param last the last code, included
   * @param note why (the admin's text, or Huawei's meaning in the page's language)
   * @param whose the admin who reserved it, or Huawei
   * @param source Huawei's documentation page, {@code null} for the admins' ranges
   */
  public record Row(Long id, int first, int last, String note, String whose, String source)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean isHuawei() {
      return id == null;
    }
  }

  /** Huawei's ranges first, then the admins', each lowest first. */
  public List<Row> getRows() {
    if (rows == null) {
      List<Row> all = new ArrayList<>();
      String huawei = Texts.text("catalog.ranges.whose.huawei");
      for (ReservedRanges.Documented d : ReservedRanges.HUAWEI) {
        all.add(
            new Row(
                null,
                d.first(),
                d.last(),
                Texts.text("catalog.ranges.huawei." + d.key()),
                huawei,
                d.source()));
      }
      for (ReservedRange r : catalog.reservedRanges()) {
        all.add(
            new Row(
                r.getId(),
                r.getFirstCode(),
                r.getLastCode(),
                r.getReason(),
                r.getCreatedBy(),
                null));
      }
      rows = all;
    }
    return rows;
  }

  /** Reserves the typed range; overlaps and codes already inside are warnings, not refusals. */
  public void add() {
    try {
      StateCatalog.Reservation done = catalog.reserve(first, last, note);
      Texts.addGlobalInfo("catalog.ranges.added", first, last);
      for (ReservedRange other : done.overlapping()) {
        Texts.addGlobal(
            FacesMessage.SEVERITY_WARN,
            "catalog.ranges.overlap",
            first,
            last,
            other.getFirstCode(),
            other.getLastCode(),
            other.getReason());
      }
      if (!done.codesInside().isEmpty()) {
        Texts.addGlobal(
            FacesMessage.SEVERITY_WARN,
            "catalog.ranges.codesInside",
            first,
            last,
            done.codesInside().stream().map(String::valueOf).collect(Collectors.joining(", ")));
      }
      first = null;
      last = null;
      note = null;
      rows = null;
    } catch (InvalidStateCodeException e) {
      for (FieldError error : e.errors()) {
        if ("reason".equals(error.field())) {
          Texts.addFieldError("rangesForm:note", "catalog.ranges.invalid.note");
        } else {
          Texts.addFieldError("rangesForm:last", "catalog.ranges.invalid.range", first, last);
        }
      }
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  /** Releases one of the admins' ranges (Huawei's have no id and no button). */
  public void remove(Row row) {
    if (row.isHuawei()) {
      return;
    }
    catalog.unreserve(row.id());
    Texts.addGlobalInfo("catalog.ranges.removed", row.first(), row.last());
    rows = null;
  }

  public Integer getFirst() {
    return first;
  }

  public void setFirst(Integer first) {
    this.first = first;
  }

  public Integer getLast() {
    return last;
  }

  public void setLast(Integer last) {
    this.last = last;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
