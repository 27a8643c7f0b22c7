package io.statedesk.web.view.audit;

import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.trail.AgentHistories;
import io.statedesk.core.trail.AgentHistory;
import io.statedesk.web.i18n.Instants;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;

/**
 * One agent's history page ({@code agent-history.xhtml?id=10042}), opened from the agents page and
 * the audit page: every state changes gave the agent and the events about it. Core decides whether
 * the user may read it (supervisors: their teams' agents).
 */
@Named("agentHistory")
@ViewScoped
public class AgentHistoryBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AgentHistories histories;

  private String idText;
  private AgentHistory history;

  /** Reads the history of the agent in the URL; a wrong or foreign id shows "no such agent". */
  public void load() {
    history = null;
    try {
      history = histories.of(Integer.parseInt(idText == null ? "" : idText.strip()));
    } catch (NumberFormatException | AccessDeniedException e) {
      history = null;
    }
  }

  public boolean isMissing() {
    return history == null;
  }

  public AgentHistory getHistory() {
    return history;
  }

  public String format(Instant at) {
    return Instants.local(at);
  }

  public String getIdText() {
    return idText;
  }

  public void setIdText(String idText) {
    this.idText = idText;
  }
}
