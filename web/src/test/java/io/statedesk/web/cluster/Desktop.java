package io.statedesk.web.cluster;

import io.statedesk.testkit.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent's own desktop as a relay client does it: it signs the agent in at the gateway itself,
 * follows the session's Guid rotations (AUTHMODE 2) by long-polling the agent's events, and pushes
 * every Guid it gets to the console it relays to. The test can point it at another console (as a
 * desktop behind a load balancer would move), and then the session belongs to that console.
 *
 * <p>The Guid stays in this object and in the requests; nothing prints it.
 */
final class Desktop implements AutoCloseable {

  private static final HttpClient HTTP = Http.newClient();

  private final String gateway;
  private final int agent;
  private final String token;
  private final AtomicInteger pushes = new AtomicInteger();
  private final Thread poller;
  private volatile String console;
  private volatile String guid;
  private volatile String cookie;
  private volatile boolean open = true;
  private volatile String failure;

  private Desktop(
      String gateway, int agent, String token, String console, HttpResponse<String> in) {
    this.gateway = gateway;
    this.agent = agent;
    this.token = token;
    this.console = console;
    take(in);
    this.poller = new Thread(this::pollLoop, "desktop-" + agent);
    poller.setDaemon(true);
  }

  /**
   * Signs {@code agent} in at the gateway ({@code gateway} ends in {@code /resource}) with its own
   * password, as the agent's desktop would, and relays the session to {@code console} (its base
   * URL, ending in {@code /statedesk}) with the relay client's {@code token}.
   */
  static Desktop signIn(String gateway, int agent, String token, String console)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            json(gateway + "/onlineagent/" + agent + "/loginex")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"Sim#" + agent + "\",\"phonenum\":\"7" + agent + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (!r.body().contains("\"retcode\":\"0\"")) {
      throw new IllegalStateException("desktop sign-in of " + agent + ": " + r.body());
    }
    Desktop desktop = new Desktop(gateway, agent, token, console, r);
    desktop.push();
    desktop.poller.start();
    return desktop;
  }

  int agent() {
    return agent;
  }

  /** How many Guids this desktop pushed (the sign-in's, every rotation's, every move's). */
  int pushes() {
    return pushes.get();
  }

  /** Relays the session to another console from now on (and pushes the current Guid there). */
  void relayTo(String console) throws IOException, InterruptedException {
    this.console = console;
    push();
  }

  /** Why the desktop stopped following its session, or {@code null} while it follows it. */
  String failure() {
    return failure;
  }

  private void take(HttpResponse<String> answer) {
    answer
        .headers()
        .firstValue("Set-GUID")
        .ifPresent(value -> guid = value.replace("JSESSIONID=", ""));
    String cookies =
        String.join(
            "; ",
            answer.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .toList());
    if (!cookies.isEmpty()) {
      cookie = cookies;
    }
  }

  private synchronized void push() throws IOException, InterruptedException {
    String lb = cookie == null ? "" : ",\"cookie\":\"" + cookie + "\"";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(console + "/api/sessions/" + agent))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"guid\":\"" + guid + "\"" + lb + ",\"authMode\":2}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "relay of agent " + agent + " to " + console + ": " + r.statusCode() + " " + r.body());
    }
    pushes.incrementAndGet();
  }

  /** Long-polls the agent's events; every new Guid (Set-GUID on an answer) is pushed at once. */
  private void pollLoop() {
    while (open) {
      try {
        String before = guid;
        HttpRequest.Builder poll =
            json(gateway + "/agentevent/" + agent).timeout(Duration.ofSeconds(40)).GET();
        poll.header("guid", before);
        if (cookie != null) {
          poll.header("Cookie", cookie);
        }
        HttpResponse<String> r = HTTP.send(poll.build(), HttpResponse.BodyHandlers.ofString());
        if (!r.body().contains("\"retcode\":\"0\"")) {
          failure = "event poll of " + agent + " answered " + r.body();
          return;
        }
        take(r);
        if (!guid.equals(before) && open) {
          push();
        }
      } catch (IOException | RuntimeException e) {
        if (open) {
          failure = "event poll of " + agent + ": " + e;
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static HttpRequest.Builder json(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json; charset=UTF-8");
  }

  /** Stops following, withdraws the relayed session and signs the agent out at the gateway. */
  @Override
  public void close() {
    open = false;
    poller.interrupt();
    try {
      HTTP.send(
          HttpRequest.newBuilder(URI.create(console + "/api/sessions/" + agent))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + token)
              .DELETE()
              .build(),
          HttpResponse.BodyHandlers.discarding());
      HttpRequest.Builder out = json(gateway + "/onlineagent/" + agent + "/logout").DELETE();
      out.header("guid", guid);
      if (cookie != null) {
        out.header("Cookie", cookie);
      }
      HTTP.send(out.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // the servers may already be gone at the end of a failed test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
