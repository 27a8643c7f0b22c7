package io.statedesk.web.api;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/relay-clients}.
 *
 * @param name the client's name (its rules are core's, {@code RelayClients})
 */
public record RelayClientBody(@NotNull(message = "is required") String name) {}
