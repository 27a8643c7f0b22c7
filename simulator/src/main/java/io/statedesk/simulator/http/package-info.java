/**
 * How the simulator answers over HTTP, whatever the call: the moment a call arrived ({@link
 * io.statedesk.simulator.http.Arrival}), what the resources read of it ({@link
 * io.statedesk.simulator.http.Incoming}), the configured fault and latency applied asynchronously
 * ({@link io.statedesk.simulator.http.Responder}) and one JSON provider ({@link
 * io.statedesk.simulator.http.Json}). Below the resources and above the gateway's rules, so that
 * neither the rules nor the control API know HTTP's plumbing.
 */
package io.statedesk.simulator.http;
