package io.statedesk.web.view.admin;

import io.statedesk.core.system.SystemInfo;
import io.statedesk.core.system.SystemStatus;
import io.statedesk.web.i18n.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

/** The admin's System page: database, schema version and mode of this running console. */
@Named("system")
@RequestScoped
public class SystemBacking {

  @Inject SystemInfo systemInfo;
  @Inject ExternalContext external;

  private SystemStatus status;

  /** The circuit breaker's state in words ("closed: calls flow"). */
  public String getBreaker() {
    return Texts.text("system.breaker." + getStatus().gatewayBreaker());
  }

  public SystemStatus getStatus() {
    if (status == null) {
      status = systemInfo.status(((ServletContext) external.getContext()).getServerInfo());
    }
    return status;
  }
}
