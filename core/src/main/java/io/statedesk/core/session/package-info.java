/**
 * Where agents' Guids come from: the console can only set agent X's custom state with X's own,
 * current Guid (gateway-api.md section 12).
 *
 * <p>{@link io.statedesk.core.session.AgentSessions} answers "the current handle of agent X" and
 * takes "this handle went stale". Two sources fill it: {@link
 * io.statedesk.core.session.HostedSessionPool} (the console signs agents in and keeps each session
 * alive with the event long-poll, following Guid rotation) and {@link
 * io.statedesk.core.session.RelaySessions} (desktops push their current Guid). Handles live in
 * memory ({@link io.statedesk.core.session.SessionStore}), never in the database.
 */
package io.statedesk.core.session;
