package io.statedesk.web.view.admin;

import io.statedesk.core.session.InvalidRelayRequestException;
import io.statedesk.core.session.RelayClient;
import io.statedesk.core.session.RelayClients;
import io.statedesk.core.session.RelayScope;
import io.statedesk.web.i18n.Instants;
import io.statedesk.web.i18n.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Administration → Relay clients: create one (its token is shown once, in a dialog, and never
 * again: only its hash is stored) and revoke.
 */
@Named("relayClients")
@ViewScoped
public class RelayClientsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient RelayClients clients;

  private List<Row> list = List.of();
  private String name;
  private transient String newToken;

  /** One client as the table shows it (never its token or hash). */
  public record Row(
      long id,
      String name,
      boolean active,
      Instant createdAt,
      String createdBy,
      Instant lastUsedAt,
      Instant revokedAt,
      String teams,
      String agents,
      Instant expiresAt)
      implements Serializable {
    static Row of(RelayClient c, Instant lastUsed) {
      RelayScope scope = c.scope();
      return new Row(
          c.getId(),
          c.getName(),
          c.isActive(),
          c.getCreatedAt(),
          c.getCreatedBy(),
          lastUsed,
          c.getRevokedAt(),
          scope.teamsText(),
          scope.agentsText(),
          c.getExpiresAt());
    }

    /** Teams and ranges in one line, or empty for "any agent not hosted". */
    public String scopeText() {
      String t = teams.replace('\n', ',').replace(",", ", ");
      return t.isEmpty() ? agents : agents.isEmpty() ? t : t + "; " + agents;
    }
  }

  private Long editing;
  private String editTeams;
  private String editAgents;
  private LocalDateTime editExpires;

  @PostConstruct
  void load() {
    list = clients.list().stream().map(c -> Row.of(c, clients.lastUsed(c))).toList();
  }

  /** Opens the scope form for {@code client}. */
  public void edit(Row client) {
    editing = client.id();
    editTeams = client.teams();
    editAgents = client.agents();
    editExpires =
        client.expiresAt() == null
            ? null
            : LocalDateTime.ofInstant(client.expiresAt(), ZoneId.systemDefault());
  }

  /** Saves the scope form; a bad range is shown on its field. */
  public void saveScope() {
    try {
      Instant expires =
          editExpires == null ? null : editExpires.atZone(ZoneId.systemDefault()).toInstant();
      RelayClient saved = clients.setScope(editing, editTeams, editAgents, expires);
      Texts.addGlobalInfo("relay.scope.saved", saved.getName());
      editing = null;
      load();
    } catch (InvalidRelayRequestException e) {
      Texts.rejectField("scopeForm:agents", labelled(e));
    }
  }

  public void cancelScope() {
    editing = null;
  }

  public Long getEditing() {
    return editing;
  }

  public String getEditTeams() {
    return editTeams;
  }

  public void setEditTeams(String editTeams) {
    this.editTeams = editTeams;
  }

  public String getEditAgents() {
    return editAgents;
  }

  public void setEditAgents(String editAgents) {
    this.editAgents = editAgents;
  }

  public LocalDateTime getEditExpires() {
    return editExpires;
  }

  public void setEditExpires(LocalDateTime editExpires) {
    this.editExpires = editExpires;
  }

  public List<Row> getList() {
    return list;
  }

  public void create() {
    try {
      RelayClients.Created created = clients.create(name);
      newToken = created.token();
      Texts.addGlobalInfo("relay.created", created.client().getName());
      name = null;
      load();
      PrimeFaces.current().executeScript("PF('tokenDialog').show()");
    } catch (InvalidRelayRequestException e) {
      Texts.rejectField("createForm:name", labelled(e));
    }
  }

  /** "Name: must be 2 to 64 letters...": the field's label on the page, never its id. */
  private static String labelled(InvalidRelayRequestException e) {
    return Texts.text("field.problem", Texts.text("relay.field." + e.field()), Texts.say(e.rule()));
  }

  /** The token of the client just created: shown once, then forgotten. */
  public String getNewToken() {
    return newToken;
  }

  public void forgetToken() {
    newToken = null;
  }

  public void revoke(Row client) {
    clients.revoke(client.id());
    Texts.addGlobalInfo("relay.revoked", client.name());
    load();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String format(Instant at) {
    return Instants.local(at);
  }
}
