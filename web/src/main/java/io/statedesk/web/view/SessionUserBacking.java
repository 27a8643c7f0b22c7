package io.statedesk.web.view;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.security.TrustedProxies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;

/**
 * The signed-in user as the layout shows them (name, roles, the role menus) and the logout action.
 */
@Named("sessionUser")
@RequestScoped
public class SessionUserBacking {

  @Inject Caller caller;
  @Inject ExternalContext external;
  @Inject AuditLog audit;
  @Inject TrustedProxies proxies;

  public String getName() {
    return caller.name();
  }

  public boolean isAdmin() {
    return caller.has(Role.ADMIN);
  }

  public boolean isSupervisor() {
    return caller.has(Role.SUPERVISOR);
  }

  public String getRoles() {
    return String.join(", ", caller.roles().stream().map(Role::name).toList());
  }

  /** Ends the container login and the HTTP session (audited), then shows the login page. */
  public void logout() throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String name = caller.name();
    if (name != null) {
      audit.record(
          name,
          AuditAction.LOGOUT,
          "user " + name,
          null,
          proxies.client(
              request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For"))));
    }
    request.logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
  }
}
