package io.statedesk.core.session;

import java.time.Instant;

/**
 * An agent has a <em>new</em> gateway session at this console: a hosted sign-in (first, again after
 * the gateway ended the session, or after a restart) or a relayed Guid from a new sign-in on the
 * agent's desktop. Never fired for a Guid rotation within one session.
 *
 * <p>Why it exists: a custom state lives in the agent's gateway session (gateway-api.md section
 * 4.4), so a new session starts without one. Whoever keeps desired states true observes this event
 * (CDI, asynchronously) and reads the agent's state back in the new session. It carries no Guid:
 * observers that need to call the gateway ask {@link AgentSessions} for the current handle.
 *
 * @param agentId the agent
 * @param source hosted or relayed
 * @param at when the session was obtained
 * @param reason why there is a new session, e.g. "first sign-in", "signed in again after the
 *     gateway ended the session", "restart", "new relayed session"
 */
public record SessionStarted(int agentId, SessionSource source, Instant at, String reason) {}
