/**
 * The agent directory: the agents supervisors pick from, with team (gateway group), skills, gateway
 * state and current custom state. Fed by a sync from the gateway's agentgroup queries through a
 * directory account ({@link io.statedesk.core.directory.GatewayDirectoryReader}) and written in one
 * transaction, so a gateway that fails half-way leaves the previous directory untouched. Queries
 * are paged and scoped to the caller's teams ({@link io.statedesk.core.account.TeamScope}).
 *
 * <p>Where to look: reading the directory (pages, counts, figures, scoped by {@link
 * io.statedesk.core.directory.FilterClause}) is {@link io.statedesk.core.directory.AgentDirectory};
 * loading a sync or a CSV file is {@link io.statedesk.core.directory.DirectoryImport}, scheduled by
 * {@link io.statedesk.core.directory.DirectorySync}; recording states between syncs is {@link
 * io.statedesk.core.directory.DirectoryStates}, fed by {@link
 * io.statedesk.core.directory.DirectoryStateFeed}, {@link
 * io.statedesk.core.directory.DirectoryWrites} and {@link
 * io.statedesk.core.directory.CustomStateReadBack}; the admins' team overview is {@link
 * io.statedesk.core.directory.TeamSummaries}.
 */
package io.statedesk.core.directory;
