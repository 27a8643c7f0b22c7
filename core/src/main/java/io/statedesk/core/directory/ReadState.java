package io.statedesk.core.directory;

import java.time.Instant;

/**
 * A custom state read back from the gateway and when it was asked for: {@link DirectoryStates}
 * records it only where the directory learnt nothing newer meanwhile.
 *
 * @param state the custom state, or {@code null} when none is set
 * @param askedAt when the read-back asked the gateway
 */
public record ReadState(Integer state, Instant askedAt) {}
