package io.statedesk.simulator.control;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/** Decides, call by call, which fault (if any) the current {@link FaultConfig} injects. */
public final class Faults {

  /** What happens to one call. */
  public sealed interface Outcome {
    /** The call proceeds normally after {@code delayMs}. */
    record Proceed(long delayMs) implements Outcome {}

    /** The call is answered HTTP 200 with this retcode after {@code delayMs}. */
    record Retcode(String retcode, long delayMs) implements Outcome {}

    /** The call is answered with an HTTP error after {@code delayMs}. */
    record HttpError(int status, int retryAfterSeconds, long delayMs) implements Outcome {}

    /** The call is held {@code holdMs} (the client should give up first), then proceeds. */
    record Hang(long holdMs) implements Outcome {}
  }

  private final AtomicReference<FaultConfig> config = new AtomicReference<>(FaultConfig.none());

  public FaultConfig config() {
    return config.get();
  }

  public void configure(FaultConfig next) {
    config.set(next.validate());
  }

  /** The fault for one call of {@code operation} for {@code agentId}. */
  public Outcome decide(String operation, int agentId, Random random) {
    FaultConfig c = config.get();
    if (!c.covers(operation)) {
      return new Outcome.Proceed(0);
    }
    long delay =
        c.latencyMs() + (c.jitterMs() > 0 ? (long) (random.nextDouble() * c.jitterMs()) : 0);
    String always = c.failingAgents().get(agentId);
    if (always != null) {
      return new Outcome.Retcode(always, delay);
    }
    if (c.hangShare() > 0 && random.nextDouble() < c.hangShare()) {
      return new Outcome.Hang(c.hangMs());
    }
    if (c.httpErrorShare() > 0 && random.nextDouble() < c.httpErrorShare()) {
      return new Outcome.HttpError(c.httpStatus(), c.retryAfterSeconds(), delay);
    }
    if (c.failureShare() > 0 && random.nextDouble() < c.failureShare()) {
      String code = c.failureRetcodes().get(random.nextInt(c.failureRetcodes().size()));
      return new Outcome.Retcode(code, delay);
    }
    return new Outcome.Proceed(delay);
  }
}
