/**
 * The gateway's rules and its HTTP face.
 *
 * <p>{@link io.statedesk.simulator.gateway.Gateway} holds the sessions and applies the documented
 * rules (sections 1-4, 7 and 9 of {@code gateway-api.md}) in plain Java with an injectable clock,
 * so that unit tests pin Guid rotation, grace periods and idle sign-out in milliseconds. The
 * resources translate HTTP to it and always answer HTTP 200 with the {@code {message, retcode,
 * result}} envelope, as the real gateway does (section 1.3).
 */
package io.statedesk.simulator.gateway;
