package io.statedesk.web.view.admin;

import io.statedesk.core.account.InvalidAccountException;
import io.statedesk.core.account.TeamScope;
import io.statedesk.core.account.UserAdministration;
import io.statedesk.core.account.UserView;
import io.statedesk.core.security.Role;
import io.statedesk.web.i18n.Instants;
import io.statedesk.web.i18n.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.PrimeFaces;

/**
 * Administration → Users: the list, the create/edit dialog (name, roles, teams, enabled) and the
 * password reset dialog. Thin: every rule and the caller check live in {@link UserAdministration}.
 */
@Named("usersAdmin")
@ViewScoped
public class UsersAdminBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Map<String, String> FIELD_IDS =
      Map.of(
          "username", "username",
          "displayName", "displayName",
          "password", "password",
          "roles", "roles",
          "teams", "teams",
          "enabled", "enabled");

  @Inject transient UserAdministration users;
  @Inject transient TeamScope teamScope;

  private List<UserView> list = List.of();
  private boolean editing;
  private boolean ldap;
  private String username;
  private String displayName;
  private String password;
  private String passwordAgain;
  private List<String> roles = new ArrayList<>();
  private String teams;
  private boolean enabled = true;
  private String resetFor;

  @PostConstruct
  void load() {
    list = users.list();
  }

  public List<UserView> getList() {
    return list;
  }

  public List<String> getRoleChoices() {
    return List.of(Role.ADMIN.name(), Role.SUPERVISOR.name());
  }

  public void startCreate() {
    editing = false;
    ldap = false;
    username = null;
    displayName = null;
    password = null;
    passwordAgain = null;
    roles = new ArrayList<>(List.of(Role.SUPERVISOR.name()));
    teams = null;
    enabled = true;
  }

  public void startEdit(UserView user) {
    editing = true;
    ldap = user.ldap();
    username = user.username();
    displayName = user.displayName();
    roles = new ArrayList<>(user.roles().stream().map(Role::name).toList());
    teams = String.join(", ", user.teams());
    enabled = user.enabled();
  }

  public void save() {
    try {
      Set<Role> chosen = EnumSet.noneOf(Role.class);
      roles.forEach(r -> chosen.add(Role.valueOf(r)));
      if (editing) {
        users.update(username, displayName, chosen, enabled, teamSet());
        Texts.addGlobalInfo("users.saved", username);
      } else {
        if (password == null || !password.equals(passwordAgain)) {
          fieldError("password", Texts.text("users.password.mismatch"));
          return;
        }
        users.create(username, displayName, password.toCharArray(), chosen, teamSet());
        Texts.addGlobalInfo("users.created", username);
      }
      password = null;
      passwordAgain = null;
      list = users.list();
      warnOfUnknownTeams(chosen);
      PrimeFaces.current().executeScript("PF('userDialog').hide()");
    } catch (InvalidAccountException e) {
      fieldError(e.field(), labelled(e.field(), Texts.say(e.rule())));
    }
  }

  public void startReset(UserView user) {
    resetFor = user.username();
    password = null;
    passwordAgain = null;
  }

  public void resetPassword() {
    if (password == null || !password.equals(passwordAgain)) {
      fieldError("password", Texts.text("users.password.mismatch"), "resetForm");
      return;
    }
    try {
      users.resetPassword(resetFor, password.toCharArray());
      Texts.addGlobalInfo("users.password.reset.done", resetFor);
      PrimeFaces.current().executeScript("PF('resetDialog').hide()");
      password = null;
      passwordAgain = null;
    } catch (InvalidAccountException e) {
      // the typed passwords stay in the dialog (it is the admin's own form, not a sign-in)
      fieldError("password", labelled("password", Texts.say(e.rule())), "resetForm");
    }
  }

  /** Saved, but the page says which of the teams no agent is in (the rule and why: core). */
  private void warnOfUnknownTeams(Set<Role> chosen) {
    Set<String> unknown = users.teamsWithoutAgents(chosen, teamSet());
    if (!unknown.isEmpty()) {
      Texts.addGlobal(
          FacesMessage.SEVERITY_WARN, "users.teams.unknown", String.join(", ", unknown));
    }
  }

  private Set<String> teamSet() {
    return new LinkedHashSet<>(TeamChoices.split(teams));
  }

  /** "Roles: choose at least one role": the field's label on the page, never its id. */
  private static String labelled(String field, String rule) {
    return Texts.text("field.problem", Texts.text("users.field." + field), rule);
  }

  private void fieldError(String field, String message) {
    fieldError(field, message, "userForm");
  }

  private void fieldError(String field, String message, String form) {
    String id = FIELD_IDS.get(field);
    Texts.rejectField(id == null ? null : form + ":" + id, message);
  }

  public boolean isEditing() {
    return editing;
  }

  /** The user in the dialog signs in with LDAP: name and roles are not editable here. */
  public boolean isLdap() {
    return ldap;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordAgain() {
    return passwordAgain;
  }

  public void setPasswordAgain(String passwordAgain) {
    this.passwordAgain = passwordAgain;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public String getTeams() {
    return teams;
  }

  /** The teams chosen in the dialog (from {@link #getTeamChoices()}). */
  public List<String> getTeamList() {
    return TeamChoices.split(teams);
  }

  public void setTeamList(List<String> chosen) {
    this.teams = TeamChoices.join(chosen);
  }

  /** The directory's teams, and the user's own. */
  public List<String> getTeamChoices() {
    return TeamChoices.choices(teamScope.knownTeams(), teams);
  }

  public void setTeams(String teams) {
    this.teams = teams;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getResetFor() {
    return resetFor;
  }

  public String format(Instant at) {
    return Instants.local(at);
  }
}
