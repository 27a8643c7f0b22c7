/**
 * The agent directory: the agents supervisors pick from, with team (gateway group), skills, gateway
 * state and current custom state. Fed by a sync from the gateway's agentgroup queries through a
 * directory account ({@link io.statedesk.core.directory.GatewayDirectoryReader}) and written in one
 * transaction, so a gateway that fails half-way leaves the previous directory untouched. Queries
 * are paged and scoped to the caller's teams ({@link io.statedesk.core.account.TeamScope}).
 */
package io.statedesk.core.directory;
