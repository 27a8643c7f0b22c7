package io.statedesk.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The REST API's root, and the header of its OpenAPI document (generated at build time, see
 * web/pom.xml). The server URL {@code ../api} is relative to the document ({@code
 * /statedesk/api/openapi.json}), so the document holds whatever context root the console is
 * deployed at.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "StateDesk API",
            version = "1",
            description =
                "Bulk custom states for Huawei CC-Gateway agents. Every request authenticates by"
                    + " its Authorization header (a personal API token as Bearer; relay clients"
                    + " their relay token), never by the console's session cookie. Writes accept"
                    + " only application/json (text/csv for imports) and answer 415 otherwise."),
    servers = @Server(url = "../api"),
    security = @SecurityRequirement(name = "token"))
@SecurityScheme(
    securitySchemeName = "token",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A personal API token (My API tokens) or a relay client's token")
public class RestApplication extends Application {}
