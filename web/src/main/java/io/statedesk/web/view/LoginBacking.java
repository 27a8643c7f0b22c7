package io.statedesk.web.view;

import io.statedesk.core.security.Caller;
import io.statedesk.web.i18n.Texts;
import io.statedesk.web.security.ConsoleAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The login form: hands the credentials to Jakarta Security and reports a failure in words. */
@Named("login")
@RequestScoped
public class LoginBacking {

  @Inject SecurityContext securityContext;
  @Inject Caller caller;
  @Inject FacesContext faces;
  @Inject ExternalContext external;

  @NotBlank
  @Size(max = 64)
  private String username;

  @NotBlank
  @Size(max = 200)
  private String password;

  /**
   * Sends an already signed-in user straight to the console. Asks {@link
   * io.statedesk.core.security.Caller} rather than for a caller principal: WildFly gives anonymous
   * requests an "anonymous" principal, and the login page then redirected to itself forever.
   */
  public void redirectIfSignedIn() throws IOException {
    if (caller.isAuthenticated()) {
      external.redirect(external.getRequestContextPath() + "/");
    }
  }

  public void login() {
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SEND_FAILURE -> {
        password = null;
        Object wait = external.getRequestMap().get(ConsoleAuthentication.THROTTLED);
        if (wait != null) {
          Texts.addGlobalError("login.throttled", wait);
        } else {
          Texts.addGlobalError("login.failed");
        }
      }
      case SUCCESS -> {
        faces.responseComplete();
        redirect(ConsoleAuthentication.takeTarget((HttpServletRequest) external.getRequest()));
      }
      case NOT_DONE -> Texts.addGlobalError("login.failed");
    }
  }

  private void redirect(String url) {
    try {
      external.redirect(url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
