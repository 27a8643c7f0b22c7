package io.statedesk.simulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The simulator's JAX-RS application at the WAR's root, so that with the WAR deployed as {@code
 * agentgateway} the gateway answers at {@code /agentgateway/resource/...} like the real one, and
 * the control API at {@code /agentgateway/simulator/...}.
 */
@ApplicationPath("/")
public class SimulatorApplication extends Application {}
