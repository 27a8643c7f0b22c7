package io.statedesk.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares the console's roles; how callers authenticate is {@link ConsoleAuthentication}. */
@ApplicationScoped
@DeclareRoles({"ADMIN", "SUPERVISOR", "RELAY"})
public class SecurityConfiguration {}
