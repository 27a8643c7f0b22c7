/**
 * The composition root: what core does once before the console serves its first request (check
 * every setting, migrate, seed the demo, start hosted sessions, the directory sync and the bulk
 * engine). It sits above every feature and nothing depends on it, so that start-up order never
 * creates a package cycle.
 */
package io.statedesk.core.startup;
