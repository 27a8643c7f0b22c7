/**
 * A CC-Gateway simulator: the agent-gateway interfaces that StateDesk relies on, written from
 * {@code shared/gateway-api.md} and not from StateDesk's client, so that the client's mistakes
 * cannot hide in a shared piece of code.
 *
 * <p>{@code world}: the seeded contact center (agents, groups, skills, passwords). {@code gateway}:
 * the rules (sessions, Guids, auth modes, events, custom state) as plain Java with an injectable
 * clock, and the JAX-RS resources at {@code /resource/...}. {@code control}: the control API at
 * {@code /simulator/...} for fault injection, recorded requests and test set-up.
 */
package io.statedesk.simulator;
