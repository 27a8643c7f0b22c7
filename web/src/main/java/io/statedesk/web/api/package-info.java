/**
 * The REST API at {@code /statedesk/api/...}: JSON, header credentials only (see {@code
 * security.ConsoleAuthentication}), the same core services and rules as the pages. Errors are JSON
 * {@code {"status", "error", "field"?}} with 400/401/403/404/409 as their meanings say.
 *
 * <p>The contract is in types: each request body is a record ({@code *Body}, with Bean Validation
 * for its rules), bound by {@link io.statedesk.web.api.JsonBodies}; each answer is a record ({@code
 * *Json.*}) JSON-B writes, its members' order and nulls fixed by annotations. The records' unit
 * tests ({@code *JsonTest}, {@code *BodyTest}, {@code *BodiesTest}) read and write them with
 * Payara's own JSON-B and Bean Validation, so a change of shape fails without a server.
 */
package io.statedesk.web.api;
