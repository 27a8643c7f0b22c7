package io.statedesk.core.trail;

import java.util.List;

/**
 * "Who changed agent 10042, when, and to what": every state changes gave the agent, newest first,
 * and the events about it (re-applications after a new session, drift, relay registrations).
 *
 * @param agentId the agent
 * @param name its name in the directory, or {@code null} when no longer there (admins only)
 * @param team its team, or {@code null}
 * @param states the states given, newest first
 * @param events the audit events about the agent, newest first
 */
public record AgentHistory(
    int agentId, String name, String team, List<StateGiven> states, List<AuditEntry> events) {}
