package io.statedesk.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Declares how people sign in: Jakarta Security's custom form mechanism with our own login page,
 * validated against the database identity store in core.
 *
 * <p>Custom form (not plain FORM) so that the login page is a Faces view with messages and
 * localisation, and so that the session id is renewed by {@code SecurityContext.authenticate}. On
 * WildFly this needs {@code integrated-jaspi=false} (operator guide).
 */
@ApplicationScoped
@DeclareRoles({"ADMIN", "SUPERVISOR", "RELAY"})
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
public class SecurityConfiguration {}
