package io.statedesk.core.cluster;

import java.time.Instant;
import java.util.List;

/**
 * One live console as every console sees it (from the database, not from the console itself): its
 * heartbeat, the gateway breaker it reported with its last beat, and the shards it holds.
 *
 * @param instance the console id and per-start suffix
 * @param consoleId the configured console id
 * @param startedAt when this instance started
 * @param beatUntil how long its last heartbeat vouches for it
 * @param breaker its gateway circuit breaker at its last beat (CLOSED, OPEN, HALF_OPEN), or {@code
 *     null} before its bulk engine started
 * @param shards the shards whose lease it holds now, in order
 * @param self whether it is the console answering
 */
public record MemberStatus(
    String instance,
    String consoleId,
    Instant startedAt,
    Instant beatUntil,
    String breaker,
    List<Integer> shards,
    boolean self) {}
