package io.statedesk.core.bulk;

/**
 * Fired (synchronously) once the bulk engine has started, after the schema is migrated: the cue for
 * the desired-state reconciliation and the scheduler, which call the gateway through the engine.
 */
public record BulkEngineStarted() {}
