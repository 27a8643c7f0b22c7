/**
 * The REST API at {@code /statedesk/api/...}: JSON, header credentials only (see {@code
 * security.ConsoleAuthentication}), the same core services and rules as the pages. Errors are JSON
 * {@code {"status", "error", "field"?}} with 400/401/403/404/409 as their meanings say.
 */
package io.statedesk.web.api;
