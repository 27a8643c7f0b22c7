/**
 * Several consoles on one database: membership (a heartbeat lease per running console), shard
 * leases that divide the hosted agents between the live consoles, and cluster-wide singletons (the
 * directory sync, the schedule runner). The database is the only lock service: every lease is one
 * row taken and renewed by one conditional update (see docs/src/architecture.md, "Several
 * consoles", for why no library and what fails how).
 */
package io.statedesk.core.cluster;
