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
 */
package io.statedesk.core.gateway;
