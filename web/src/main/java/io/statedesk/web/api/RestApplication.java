package io.statedesk.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API's root. */
@ApplicationPath("api")
public class RestApplication extends Application {}
