package io.statedesk.core.testing;

import io.statedesk.testkit.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the simulator's control API (faults, settings, reset) from tests. */
public final class Control {

  private static final HttpClient HTTP = Http.client();

  private Control() {}

  public static String call(String method, String path, String json) {
    return shared().call(method, path, json);
  }

  /** Everybody signed out, faults off, record cleared, and these gateway settings. */
  public static void reset(int authMode, long interval, long timeout, long maxIdle, long pollWait) {
    shared().reset(authMode, interval, timeout, maxIdle, pollWait);
  }

  private static At shared() {
    return new At(SimulatorServer.controlUrl());
  }

  /**
   * The control API of one simulator, for a test that has a simulator of its own ({@link
   * SimulatorServer#dedicated}) because it runs beside the others.
   *
   * @param controlUrl e.g. {@code http://localhost:PORT/agentgateway/simulator}
   */
  public record At(String controlUrl) {

    public String call(String method, String path, String json) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(controlUrl + "/" + path))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json))
              .build();
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(
              method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Everybody signed out, faults off, record cleared, and these gateway settings. */
    public void reset(int authMode, long interval, long timeout, long maxIdle, long pollWait) {
      call("POST", "reset", null);
      call(
          "PUT",
          "settings",
          String.format(
              "{\"authMode\":%d,\"guidIntervalMs\":%d,\"guidTimeoutMs\":%d,\"maxIdleMs\":%d,\"pollWaitMs\":%d,\"lbCookie\":false,\"nodes\":2}",
              authMode, interval, timeout, maxIdle, pollWait));
    }

    /** The other desktop signs out: the agent is free again. */
    public void release(int workNo) {
      call("POST", "agents/" + workNo + "/release", null);
    }

    /** The unbounded counters as JSON (see {@link Control#stats()}). */
    public String stats() {
      return call("GET", "stats", null);
    }

    public void clearStats() {
      call("DELETE", "stats", null);
    }
  }

  public static void faults(String json) {
    call("PUT", "faults", json);
  }

  /**
   * Another desktop takes the agent's session by forced sign-in: the holder's Guid stops working
   * and a plain sign-in then gets 100-002.
   */
  public static void forceLoginElsewhere(int workNo) {
    call("POST", "agents/" + workNo + "/forcelogin", null);
  }

  /** The other desktop signs out: the agent is free again. */
  public static void release(int workNo) {
    shared().release(workNo);
  }

  /** Ends the agent's session as an idle or an inspector's forced sign-out would. */
  public static void signOut(int workNo) {
    call("POST", "agents/" + workNo + "/signout", null);
  }

  /**
   * The unbounded counters as JSON: {@code signIns} (work number → login, loginex, forcelogin),
   * {@code staleGuidRefusals} (interface → count), {@code staleGuidRefusalsByAgent}.
   */
  public static String stats() {
    return shared().stats();
  }

  public static void clearStats() {
    shared().clearStats();
  }
}
