package io.statedesk.web.view;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.selection.SelectionKind;
import io.statedesk.core.selection.SelectionView;
import io.statedesk.core.selection.Selections;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Saved selections on the picker: save the current filter (dynamic) or the picked agents (fixed),
 * use one (its filter shown in the menus and its agents picked, or its agents picked), delete one.
 * Who may see, use and delete a selection is core's {@link Selections}' rule; this bean only moves
 * values between the page and it.
 */
@Named("selections")
@ViewScoped
public class SelectionsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Selections selections;
  @Inject AgentsBacking agents;
  @Inject AgentFilters filters;

  private Long chosen;
  private String name;
  private SelectionKind kind = SelectionKind.DYNAMIC;
  private String team;
  private transient List<SelectionView> list;

  /** The selections the user may use (their own first). */
  public List<SelectionView> getList() {
    if (list == null) {
      list = selections.list();
    }
    return list;
  }

  /** A selection as the menu shows it: name, kind, and whose or which team's it is. */
  public String label(SelectionView s) {
    String whose =
        s.mine()
            ? (s.sharedTeam() == null
                ? Texts.text("selections.private")
                : Texts.text("selections.sharedWith", s.sharedTeam()))
            : Texts.text("selections.by", s.owner());
    return Texts.text(
        "selections.label", s.name(), Texts.text("selections.kind." + s.kind()), whose);
  }

  /** Opens the save dialog: fixed when agents are picked and no filter is set, else dynamic. */
  public void openSave() {
    name = null;
    team = null;
    kind =
        agents.getSelectedCount() > 0 && !filters.isAny()
            ? SelectionKind.FIXED
            : SelectionKind.DYNAMIC;
  }

  /** Saves the filter or the picked agents under the name given. */
  public void save() {
    try {
      SelectionView saved =
          kind == SelectionKind.DYNAMIC
              ? selections.saveFilter(name, filters.filter(), team)
              : selections.saveAgents(name, agents.getSelected(), team);
      list = null;
      chosen = saved.id();
      Texts.addGlobalInfo("selections.saved", saved.name());
      PrimeFaces.current().executeScript("PF('saveSelectionDialog').hide()");
    } catch (ProblemException e) {
      Texts.addGlobalError("selections.refused", Texts.say(e.text()));
    }
  }

  /**
   * Uses the chosen selection: a dynamic one's filter goes into the menus and every agent it gives
   * now is picked; a fixed one's agents are picked (those still the user's), with the filters
   * cleared so that all of them are listed.
   */
  public void use() {
    if (chosen == null) {
      Texts.addGlobalError("selections.chooseFirst");
      return;
    }
    try {
      SelectionView s = selections.get(chosen);
      if (s.kind() == SelectionKind.DYNAMIC) {
        filters.apply(s.filter());
      } else {
        filters.reset();
      }
      List<Integer> ids = selections.agents(chosen);
      agents.replaceSelection(ids);
      Texts.addGlobalInfo("selections.used", s.name(), Texts.quantity(ids.size()));
    } catch (ProblemException e) {
      Texts.addGlobalError("selections.refused", Texts.say(e.text()));
      list = null;
    }
  }

  /** Deletes the chosen selection (its owner or an admin). */
  public void delete() {
    if (chosen == null) {
      Texts.addGlobalError("selections.chooseFirst");
      return;
    }
    try {
      String deleted = selections.get(chosen).name();
      selections.delete(chosen);
      chosen = null;
      Texts.addGlobalInfo("selections.deleted", deleted);
    } catch (ProblemException e) {
      Texts.addGlobalError("selections.refused", Texts.say(e.text()));
    }
    list = null;
  }

  /** Whether the user may delete the chosen selection (the button is shown only then). */
  public boolean isDeletable() {
    return chosen != null && getList().stream().anyMatch(s -> s.id() == chosen && s.editable());
  }

  /** The teams the user may share with (their own; an admin's, every directory team). */
  public List<String> getTeamChoices() {
    return new ArrayList<>(selections.shareableTeams());
  }

  public List<SelectionKind> getKinds() {
    return List.of(SelectionKind.DYNAMIC, SelectionKind.FIXED);
  }

  public Long getChosen() {
    return chosen;
  }

  public void setChosen(Long chosen) {
    this.chosen = chosen;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SelectionKind getKind() {
    return kind;
  }

  public void setKind(SelectionKind kind) {
    this.kind = kind;
  }

  public String getTeam() {
    return team;
  }

  public void setTeam(String team) {
    this.team = team;
  }
}
