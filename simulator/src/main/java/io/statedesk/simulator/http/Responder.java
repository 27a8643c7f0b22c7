package io.statedesk.simulator.http;

import io.statedesk.simulator.control.Faults;
import io.statedesk.simulator.control.Faults.Outcome;
import io.statedesk.simulator.control.Recorder;
import io.statedesk.simulator.gateway.ContentTypes;
import io.statedesk.simulator.gateway.InFlight;
import io.statedesk.simulator.gateway.Reply;
import io.statedesk.simulator.gateway.Retcodes;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers gateway calls: checks the content type, applies the configured fault, runs the call and
 * records it. Every answer is asynchronous ({@link AsyncResponse}): an injected latency or hang is
 * a task on the scheduler, not a sleeping request thread, so that a slow stand-in gateway costs no
 * thread per waiting call (issue 20: the stand-in must not be the benchmark's bottleneck).
 */
public final class Responder {

  private static final Logger LOG = Logger.getLogger(Responder.class.getName());

  /**
   * Added to an injected delay before JAX-RS gives up on the answer (HTTP 503): longer than any
   * poll wait after it, and than the longest hang a test sets (the client gives up first).
   */
  private static final long TIMEOUT_MARGIN_MS = 15 * 60_000;

  private final Faults faults;
  private final Recorder recorder;
  private final ScheduledExecutorService scheduler;
  private final Random random = new Random();
  private final LongSupplier clock;

  /**
   * @param scheduler times injected delays and writes their answers (small JSON bodies); not the
   *     container's shared default executor, which the console itself may fill with calls waiting
   *     for these answers
   */
  public Responder(
      Faults faults, Recorder recorder, ScheduledExecutorService scheduler, LongSupplier clock) {
    this.faults = faults;
    this.recorder = recorder;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Answers a call whose reply is computed at once (after any injected delay). */
  public void answer(
      Incoming in, String operation, int agentId, Supplier<Reply> call, AsyncResponse out) {
    answerLater(in, operation, agentId, resume -> resume.accept(call.get()), out);
  }

  /**
   * Like {@link #answer} while {@code key} is marked in progress for the agent (injected delay
   * included, as a slow gateway would hold it); a second call meanwhile gets {@code busyRetcode}.
   */
  public void answerExclusive(
      Incoming in,
      String operation,
      int agentId,
      String key,
      String busyRetcode,
      InFlight inFlight,
      Supplier<Reply> call,
      AsyncResponse out) {
    if (!ContentTypes.acceptable(in.contentType())) {
      out.resume(respond(in, operation, agentId, Reply.error(Retcodes.BAD_PARAMETER)));
      return;
    }
    if (!inFlight.tryEnter(agentId, key)) {
      out.resume(respond(in, operation, agentId, Reply.error(busyRetcode)));
      return;
    }
    run(
        in,
        operation,
        agentId,
        resume -> resume.accept(call.get()),
        response -> {
          inFlight.exit(agentId, key);
          out.resume(response);
        },
        out);
  }

  /**
   * Answers a call whose reply may come later on another thread (the held event poll).
   *
   * @param call receives the consumer of the reply and calls it exactly once
   */
  public void answerLater(
      Incoming in,
      String operation,
      int agentId,
      Consumer<Consumer<Reply>> call,
      AsyncResponse out) {
    if (!ContentTypes.acceptable(in.contentType())) {
      out.resume(respond(in, operation, agentId, Reply.error(Retcodes.BAD_PARAMETER)));
      return;
    }
    run(
        in,
        operation,
        agentId,
        call,
        // resumed on the thread that has the reply (the request's own, the scheduler's, or the
        // call that ended a held poll): never through the container's shared default executor,
        // whose few threads the console may all hold waiting for this very answer (WildFly)
        out::resume,
        out);
  }

  private void run(
      Incoming in,
      String operation,
      int agentId,
      Consumer<Consumer<Reply>> call,
      Consumer<Response> done,
      AsyncResponse out) {
    Outcome outcome = faults.decide(operation, agentId, random);
    Runnable proceed =
        () -> call.accept(reply -> done.accept(respond(in, operation, agentId, reply)));
    if (outcome instanceof Outcome.Proceed p) {
      later(in, p.delayMs(), proceed, done, out);
    } else if (outcome instanceof Outcome.Hang h) {
      later(in, h.holdMs(), proceed, done, out);
    } else if (outcome instanceof Outcome.Retcode r) {
      Reply failure = Reply.error(r.retcode());
      later(
          in, r.delayMs(), () -> done.accept(respond(in, operation, agentId, failure)), done, out);
    } else {
      Outcome.HttpError e = (Outcome.HttpError) outcome;
      later(in, e.delayMs(), () -> done.accept(httpError(in, operation, agentId, e)), done, out);
    }
  }

  /**
   * Runs {@code task} now, or on the scheduler once {@code delayMs} have passed since the call
   * arrived ({@link Incoming#arrivedNanos}); a failure answers 500.
   */
  private void later(
      Incoming in, long delayMs, Runnable task, Consumer<Response> done, AsyncResponse out) {
    Runnable guarded =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulated gateway call failed", e);
            done.accept(Response.serverError().build());
          }
        };
    if (delayMs <= 0) {
      guarded.run();
      return;
    }
    long left = TimeUnit.MILLISECONDS.toNanos(delayMs) - (System.nanoTime() - in.arrivedNanos());
    out.setTimeout(delayMs + TIMEOUT_MARGIN_MS, TimeUnit.MILLISECONDS);
    scheduler.schedule(guarded, Math.max(0, left), TimeUnit.NANOSECONDS);
  }

  /** A request the gateway has no interface for: HTTP 200 with 000-002 (section 11). */
  public Response unknown(Incoming in) {
    return respond(in, "unknown", 0, Reply.error(Retcodes.BAD_PARAMETER));
  }

  private Response respond(Incoming in, String operation, int agentId, Reply reply) {
    recorder.record(
        in.method(),
        operation,
        agentId,
        in.maskedGuid(),
        reply.retcode(),
        200,
        in.query(),
        in.connection(),
        clock.getAsLong());
    return toResponse(reply);
  }

  private Response httpError(Incoming in, String operation, int agentId, Outcome.HttpError e) {
    recorder.record(
        in.method(),
        operation,
        agentId,
        in.maskedGuid(),
        "",
        e.status(),
        in.query(),
        in.connection(),
        clock.getAsLong());
    Response.ResponseBuilder builder =
        Response.status(e.status())
            .type(MediaType.TEXT_HTML_TYPE)
            .entity("<html><body><h1>" + e.status() + "</h1>Service unavailable</body></html>");
    if (e.retryAfterSeconds() > 0) {
      builder.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
    }
    return builder.build();
  }

  static Response toResponse(Reply reply) {
    Response.ResponseBuilder builder =
        Response.ok(Json.write(reply.body()), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
    for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
      for (String value : header.getValue()) {
        builder.header(header.getKey(), value);
      }
    }
    return builder.build();
  }
}
