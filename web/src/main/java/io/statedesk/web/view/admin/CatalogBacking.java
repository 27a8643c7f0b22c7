package io.statedesk.web.view.admin;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditEvent;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.catalog.CatalogExceptions;
import io.statedesk.core.catalog.CatalogImport;
import io.statedesk.core.catalog.CatalogTransfer.Format;
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
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.file.UploadedFile;

/**
 * The admin's catalog page: the lazy table, the create/edit dialog, activation, deletion, export,
 * import with preview, and one code's audit history. Rules live in core; this bean only maps.
 */
@Named("catalogAdmin")
@ViewScoped
public class CatalogBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Dialog field ids by the core's field names, so that errors appear next to their field. */
  private static final Map<String, String> FIELD_IDS =
      Map.of(
          "code",
          "code",
          "label",
          "label",
          "labels.en",
          "labelEn",
          "labels.zh-CN",
          "labelZh",
          "description",
          "description",
          "colour",
          "colour",
          "category",
          "category",
          "sortOrder",
          "sortOrder",
          "teams",
          "teams");

  @Inject transient StateCatalog catalog;
  @Inject transient CatalogImport imports;
  @Inject transient AuditLog audit;
  @Inject transient TeamScope teamScope;

  /** The directory's teams, and the code's own (empty: offered to all teams). */
  public List<String> getTeamChoices() {
    return TeamChoices.choices(teamScope.knownTeams(), form.teams);
  }

  private String text;
  private String activeFilter = "all";
  private final LazyDataModel<StateCode> codes = new Codes();

  private Form form = new Form();
  private boolean editing;
  private long editedVersion;

  private transient UploadedFile upload;
  private String importFormat = "csv";
  private byte[] importContent;
  private CatalogImport.Preview preview;

  private List<AuditEvent> history = List.of();
  private Integer historyCode;

  /** The dialog's fields, as the admin types them. */
  public static class Form implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer code;
    private String label;
    private String labelEn;
    private String labelZh;
    private String description;
    private String colour = "#1f6feb";
    private String category;
    private Integer sortOrder = 0;
    private boolean active = true;
    private String teams;

    public Integer getCode() {
      return code;
    }

    public void setCode(Integer code) {
      this.code = code;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public String getLabelEn() {
      return labelEn;
    }

    public void setLabelEn(String labelEn) {
      this.labelEn = labelEn;
    }

    public String getLabelZh() {
      return labelZh;
    }

    public void setLabelZh(String labelZh) {
      this.labelZh = labelZh;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getColour() {
      return colour;
    }

    public void setColour(String colour) {
      this.colour = colour;
    }

    public String getCategory() {
      return category;
    }

    public void setCategory(String category) {
      this.category = category;
    }

    public Integer getSortOrder() {
      return sortOrder;
    }

    public void setSortOrder(Integer sortOrder) {
      this.sortOrder = sortOrder;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    public String getTeams() {
      return teams;
    }

    /** The teams chosen in the dialog (from {@code catalogAdmin.teamChoices}). */
    public List<String> getTeamList() {
      return TeamChoices.split(teams);
    }

    public void setTeamList(List<String> chosen) {
      this.teams = TeamChoices.join(chosen);
    }

    public void setTeams(String teams) {
      this.teams = teams;
    }
  }

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

  // ------------------------------------------------------------------------------ dialog

  public void startCreate() {
    form = new Form();
    editing = false;
  }

  public void startEdit(StateCode code) {
    StateCode fresh = catalog.get(code.getCode());
    form = new Form();
    form.code = fresh.getCode();
    form.label = fresh.getLabel();
    form.labelEn = fresh.getLabels().get("en");
    form.labelZh = fresh.getLabels().get("zh-CN");
    form.description = fresh.getDescription();
    form.colour = fresh.getColour();
    form.category = fresh.getCategory();
    form.sortOrder = fresh.getSortOrder();
    form.active = fresh.isActive();
    form.teams = String.join(", ", fresh.getTeams());
    editedVersion = fresh.getVersion();
    editing = true;
  }

  public void save() {
    StateCodeData data = data();
    try {
      if (editing) {
        catalog.update(form.code, data, editedVersion);
        Texts.addGlobalInfo("catalog.saved", form.code);
        warnIfReserved(form.code);
      } else {
        catalog.create(data);
        Texts.addGlobalInfo("catalog.created", form.code);
      }
      PrimeFaces.current().executeScript("PF('editDialog').hide()");
    } catch (InvalidStateCodeException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      for (FieldError error : e.errors()) {
        String id = FIELD_IDS.get(error.field());
        String client = id == null ? null : "editForm:" + id;
        faces.addMessage(
            client,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                Texts.text("catalog.field." + baseField(error.field()))
                    + ": "
                    + Texts.say(error.text()),
                null));
      }
      faces.validationFailed();
    } catch (CatalogExceptions.StaleStateCodeException e) {
      Texts.addGlobal(FacesMessage.SEVERITY_ERROR, "catalog.stale", form.code);
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

  private StateCodeData data() {
    Map<String, String> labels = new LinkedHashMap<>();
    if (form.labelEn != null) {
      labels.put("en", form.labelEn);
    }
    if (form.labelZh != null) {
      labels.put("zh-CN", form.labelZh);
    }
    Set<String> teams = new LinkedHashSet<>();
    if (form.teams != null) {
      Arrays.stream(form.teams.split(","))
          .map(String::strip)
          .filter(t -> !t.isEmpty())
          .forEach(teams::add);
    }
    return new StateCodeData(
        form.code == null ? -1 : form.code,
        form.label,
        form.description,
        form.colour,
        form.category,
        form.sortOrder == null ? 0 : form.sortOrder,
        form.active,
        labels,
        teams);
  }

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
    history = audit.about("state code " + code.getCode(), 100);
  }

  // ------------------------------------------------------------------------ export/import

  /**
   * The catalog as CSV with a UTF-8 byte order mark, so that Excel on Windows shows Chinese labels
   * (the import reads the mark and skips it).
   */
  public void exportCsv() throws IOException {
    Faces.sendFile(
        ("\uFEFF" + imports.export(Format.CSV)).getBytes(StandardCharsets.UTF_8),
        "statedesk-catalog.csv",
        true);
  }

  public void exportJson() throws IOException {
    Faces.sendFile(
        imports.export(Format.JSON).getBytes(StandardCharsets.UTF_8),
        "statedesk-catalog.json",
        true);
  }

  /** Reads the uploaded file and shows what importing it would do; changes nothing. */
  public void previewImport() {
    if (upload == null || upload.getSize() == 0) {
      Texts.addGlobalError("catalog.import.noFile");
      return;
    }
    importContent = upload.getContent();
    preview = imports.preview(importContent, Format.of(importFormat));
  }

  /** Applies the previewed file: everything, or nothing if it no longer passes. */
  public void confirmImport() {
    if (importContent == null) {
      return;
    }
    try {
      CatalogImport.Preview applied = imports.apply(importContent, Format.of(importFormat));
      Texts.addGlobalInfo(
          "catalog.import.applied",
          applied.counts().get(CatalogImport.Action.CREATE),
          applied.counts().get(CatalogImport.Action.UPDATE),
          applied.counts().get(CatalogImport.Action.UNCHANGED));
      cancelImport();
    } catch (CatalogImport.ImportRefusedException e) {
      preview = e.preview();
      Texts.addGlobalError("catalog.import.refused");
    }
  }

  /** How many previewed rows would have {@code action} (CREATE, UPDATE, UNCHANGED, ERROR). */
  public int importCount(String action) {
    return preview == null ? 0 : preview.counts().get(CatalogImport.Action.valueOf(action));
  }

  public void cancelImport() {
    importContent = null;
    preview = null;
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

  public Form getForm() {
    return form;
  }

  public boolean isEditing() {
    return editing;
  }

  public UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(UploadedFile upload) {
    this.upload = upload;
  }

  public String getImportFormat() {
    return importFormat;
  }

  public void setImportFormat(String importFormat) {
    this.importFormat = importFormat;
  }

  public CatalogImport.Preview getPreview() {
    return preview;
  }

  public List<AuditEvent> getHistory() {
    return history;
  }

  public Integer getHistoryCode() {
    return historyCode;
  }
}
