package io.statedesk.web.view;

import io.statedesk.core.account.ApiToken;
import io.statedesk.core.account.ApiTokens;
import io.statedesk.core.account.InvalidAccountException;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.web.i18n.Instants;
import io.statedesk.web.i18n.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * My API tokens: create a token (name, read-only or read-write, lifetime; the secret is shown once
 * in a dialog with a Copy button), see and revoke one's own; admins also see and revoke everyone's.
 * The rules are in core's {@link ApiTokens}.
 */
@Named("apiTokens")
@ViewScoped
public class ApiTokensBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ApiTokens tokens;
  @Inject transient Caller caller;

  private List<ApiTokens.TokenView> mine = List.of();
  private List<ApiTokens.TokenView> all = List.of();
  private String name;
  private ApiToken.Scope scope = ApiToken.Scope.READ;
  private int days = 90;
  private transient String newToken;

  @PostConstruct
  void load() {
    mine = tokens.mine();
    all = caller.has(Role.ADMIN) ? tokens.all() : List.of();
  }

  public void create() {
    try {
      ApiTokens.Created created = tokens.create(name, scope, days);
      newToken = created.secret();
      Texts.addGlobalInfo("tokens.created", created.token().name());
      name = null;
      load();
      PrimeFaces.current().executeScript("PF('tokenDialog').show()");
    } catch (InvalidAccountException e) {
      String field = "days".equals(e.field()) ? "days" : "name";
      Texts.rejectField(
          "createForm:" + field,
          Texts.text(
              "field.problem", Texts.text("tokens.field." + e.field()), Texts.say(e.rule())));
    }
  }

  public void revoke(ApiTokens.TokenView token) {
    tokens.revoke(token.id());
    Texts.addGlobalInfo("tokens.revoked", token.name());
    load();
  }

  /** The secret of the token just created: shown once, then forgotten. */
  public String getNewToken() {
    return newToken;
  }

  public void forgetToken() {
    newToken = null;
  }

  public List<ApiTokens.TokenView> getMine() {
    return mine;
  }

  public List<ApiTokens.TokenView> getAll() {
    return all;
  }

  public boolean isAdmin() {
    return caller.has(Role.ADMIN);
  }

  public ApiToken.Scope[] getScopes() {
    return ApiToken.Scope.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ApiToken.Scope getScope() {
    return scope;
  }

  public void setScope(ApiToken.Scope scope) {
    this.scope = scope;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public String format(Instant at) {
    return Instants.local(at);
  }
}
