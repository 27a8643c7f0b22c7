/**
 * The composition root: what core does once before the console serves its first request, in order
 * ({@link io.statedesk.core.startup.ConsoleStartup}: check every setting, metrics, migrate, users
 * and demo data, sessions and the cluster, the directory sync, the bulk engine, audit retention),
 * and the one failure that stops it ({@link
 * io.statedesk.core.startup.InvalidConfigurationException}). It sits above every feature and
 * nothing in core depends on it, so that start-up order never creates a package cycle.
 */
package io.statedesk.core.startup;
