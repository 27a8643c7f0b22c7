package io.statedesk.web.view.admin;

import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.catalog.StateCodeData;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The fields of the catalog's create/edit dialog, as the admin types them, and their mapping from a
 * saved code and to the data core validates.
 */
public class CatalogForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Dialog field ids by the core's field names, so that errors appear next to their field. */
  static final Map<String, String> FIELD_IDS =
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

  /** The dialog filled with a saved code. */
  static CatalogForm of(StateCode saved) {
    CatalogForm form = new CatalogForm();
    form.code = saved.getCode();
    form.label = saved.getLabel();
    form.labelEn = saved.getLabels().get("en");
    form.labelZh = saved.getLabels().get("zh-CN");
    form.description = saved.getDescription();
    form.colour = saved.getColour();
    form.category = saved.getCategory();
    form.sortOrder = saved.getSortOrder();
    form.active = saved.isActive();
    form.teams = String.join(", ", saved.getTeams());
    return form;
  }

  /** What the admin typed, for core to validate (no code typed: -1, which core refuses). */
  StateCodeData toData() {
    Map<String, String> labels = new LinkedHashMap<>();
    if (labelEn != null) {
      labels.put("en", labelEn);
    }
    if (labelZh != null) {
      labels.put("zh-CN", labelZh);
    }
    return new StateCodeData(
        code == null ? -1 : code,
        label,
        description,
        colour,
        category,
        sortOrder == null ? 0 : sortOrder,
        active,
        labels,
        new LinkedHashSet<>(TeamChoices.split(teams)));
  }

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

  public void setTeams(String teams) {
    this.teams = teams;
  }

  /** The teams chosen in the dialog (from {@code catalogEdit.teamChoices}). */
  public List<String> getTeamList() {
    return TeamChoices.split(teams);
  }

  public void setTeamList(List<String> chosen) {
    this.teams = TeamChoices.join(chosen);
  }
}
