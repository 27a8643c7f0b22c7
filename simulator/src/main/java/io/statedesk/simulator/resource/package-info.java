/**
 * The simulator's JAX-RS resources, its HTTP face: the gateway's interfaces at {@code
 * /resource/...} (translated to {@link io.statedesk.simulator.gateway.Gateway}, always HTTP 200
 * with the {@code {message, retcode, result}} envelope, as the real gateway answers: section 1.3 of
 * {@code gateway-api.md}) and the control API at {@code /simulator/...}. The top of the simulator's
 * packages: nothing else depends on them, JAX-RS finds them.
 */
package io.statedesk.simulator.resource;
