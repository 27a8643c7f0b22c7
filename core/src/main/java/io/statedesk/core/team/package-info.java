/**
 * Supervisor scope: the teams (gateway groups, by name) each supervisor is responsible for. Core
 * services ask {@link io.statedesk.core.team.TeamScope} which teams the caller may see and act on;
 * admins see all.
 */
package io.statedesk.core.team;
