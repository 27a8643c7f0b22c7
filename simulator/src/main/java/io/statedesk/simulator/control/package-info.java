/**
 * The simulator's control API at {@code /agentgateway/simulator/...}: fault injection, the record
 * of received requests, run-time settings and test set-up (sessions elsewhere, forced sign-outs).
 * It has no authentication: the simulator is a test and demo tool, never a production service.
 */
package io.statedesk.simulator.control;
