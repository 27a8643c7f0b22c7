package io.statedesk.testkit;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for a started {@link PayaraMicro} to answer on its readiness paths, failing with the tail
 * of its log when the process exits first or the time runs out (a failed deployment says why
 * there).
 */
final class Readiness {

  private Readiness() {}

  static void await(PayaraMicro server, Process process, List<String> paths, Duration timeout) {
    List<String> pending = new ArrayList<>(paths);
    try {
      Awaitility.await("Payara Micro ready on " + paths)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(500))
          .atMost(timeout)
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "Payara Micro exited with "
                          + process.exitValue()
                          + " before it was ready. Log tail:\n"
                          + tail(server.log()));
                }
                pending.removeIf(path -> answers(server.baseUrl() + path));
                return pending.isEmpty();
              });
    } catch (ConditionTimeoutException e) {
      server.close();
      throw new IllegalStateException(
          "Payara Micro not ready after " + timeout + ". Log tail:\n" + tail(server.log()), e);
    }
  }

  /** Whether {@code url} answers below 400 (a redirect to a login page counts as ready). */
  private static boolean answers(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(5000);
      c.setInstanceFollowRedirects(false);
      int status = c.getResponseCode();
      c.disconnect();
      return status < 400;
    } catch (IOException e) {
      return false;
    }
  }

  /** The last 6000 characters of a log, enough for a stack trace and what led to it. */
  static String tail(String log) {
    return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
  }
}
