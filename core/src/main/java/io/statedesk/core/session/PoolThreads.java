package io.statedesk.core.session;

import java.util.concurrent.Executor;

/**
 * The threads a {@link HostedSessionPool} runs on: container-managed ones in the console (Jakarta
 * Concurrency), plain executors in the plain-JVM tests and benchmark.
 *
 * @param timer delays and poll pauses (its tasks never block)
 * @param signIns the dedicated, bounded sign-in executor
 * @param throttle the one sign-in rate limit
 */
public record PoolThreads(PoolTimer timer, Executor signIns, SignInThrottle throttle) {}
