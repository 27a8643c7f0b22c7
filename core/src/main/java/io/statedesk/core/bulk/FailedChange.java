package io.statedesk.core.bulk;

/**
 * A change with agents that failed recently, as the overview lists it (counted by the database, so
 * no outcome is loaded).
 *
 * @param changeId the change, to link to
 * @param code the code it set ({@code null} for a clear)
 * @param codeLabel the code's label when the change was made
 * @param createdBy who made it
 * @param failed how many of its agents (that the caller may see) failed in the period
 */
public record FailedChange(
    long changeId, Integer code, String codeLabel, String createdBy, long failed) {}
