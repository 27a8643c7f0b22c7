/**
 * The anti-corruption layer to Huawei's CC-Gateway ({@code shared/gateway-api.md}).
 *
 * <p>{@link io.statedesk.core.gateway.GatewayClient} turns the gateway's {@code {message, retcode,
 * result}} envelope into records or typed failures: {@link
 * io.statedesk.core.gateway.GatewayRejectedException} carries a {@link
 * io.statedesk.core.gateway.Retcode} with its documented meaning and {@link
 * io.statedesk.core.gateway.RetcodeClass}; {@link
 * io.statedesk.core.gateway.GatewayUnavailableException} covers everything below the envelope
 * (connection, timeout, HTTP status, a body that is not the envelope). Gateway wire types never
 * leave this package except as these records. Guids are masked in every log line and message
 * ({@link io.statedesk.core.gateway.Guids#mask}).
 *
 * <p>Inside the client, one class per step of a call: {@code GatewayRequest} (the table of
 * operations: method, path, query, body), {@code JaxrsTransport} and {@code JdkPollTransport}
 * (sending), {@code GatewayAnswer} (the envelope: answer or typed failure), {@code GatewayFailures}
 * (transport failures to typed ones), {@code GatewayReplies} (results to records) and {@code
 * GatewayCallLog} (the log line and metric of each call).
 */
package io.statedesk.core.gateway;
