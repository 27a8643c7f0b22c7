/**
 * A CC-Gateway simulator: the agent-gateway interfaces that StateDesk relies on, written from
 * {@code shared/gateway-api.md} and not from StateDesk's client, so that the client's mistakes
 * cannot hide in a shared piece of code.
 *
 * <p>Packages from the bottom up, each knowing only those below it (pinned by {@code
 * SimulatorArchitectureTest}): {@code world}, the seeded contact center (agents, groups, skills,
 * passwords); {@code gateway}, the rules (sessions, Guids, auth modes, events, custom state) as
 * plain Java with an injectable clock; {@code control}, fault injection and the record of requests;
 * {@code http}, how any call is answered (arrival, latency, faults); this package, the composition
 * root ({@link io.statedesk.simulator.Simulator}, built from MicroProfile Config); and {@code
 * resource}, the JAX-RS resources at {@code /resource/...} (the gateway) and {@code /simulator/...}
 * (the control API).
 */
package io.statedesk.simulator;
