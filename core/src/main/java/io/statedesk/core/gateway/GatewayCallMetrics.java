package io.statedesk.core.gateway;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * One Micrometer timer per (gateway operation, result class), recorded in Micrometer's global
 * registry, to which the console's Prometheus registry adds itself.
 *
 * <p>Why here and static: the gateway client is a plain object (the benchmark and the tests build
 * it outside a container), and the gateway package sits below every feature and below the system
 * package that serves the metrics, so it records into the library's registry and knows nobody above
 * it.
 */
public final class GatewayCallMetrics {

  private static final Pattern RETCODE = Pattern.compile("\\d{3}-\\d{3}|\\d+");

  /** Built once per (operation, result): this runs on every gateway call. */
  private static final ConcurrentMap<String, Timer> TIMERS = new ConcurrentHashMap<>();

  private GatewayCallMetrics() {}

  /**
   * Records one gateway call.
   *
   * @param outcome as the client logs it: a retcode, {@code HTTP 503}, or a failure's text
   */
  public static void record(String operation, String outcome, long nanos) {
    String result = result(outcome);
    TIMERS
        .computeIfAbsent(
            operation + '|' + result,
            k ->
                Timer.builder("statedesk.gateway.calls")
                    .description("Calls to the CC-Gateway")
                    .tag("operation", operation)
                    .tag("result", result)
                    .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(15))
                    .register(Metrics.globalRegistry))
        .record(Duration.ofNanos(nanos));
  }

  /** The {@code result} tag of a call's outcome: few values, whatever the gateway answers. */
  static String result(String outcome) {
    if (outcome == null) {
      return "unreachable";
    }
    if ("0".equals(outcome)) {
      return "success";
    }
    if (outcome.startsWith("HTTP ") && outcome.length() >= 6) {
      return "http_" + outcome.charAt(5) + "xx";
    }
    if (outcome.startsWith("not JSON") || outcome.startsWith("no retcode")) {
      return "bad_response";
    }
    if (RETCODE.matcher(outcome).matches()) {
      RetcodeClass kind = Retcodes.of(outcome).retcodeClass();
      return kind == RetcodeClass.SUCCESS ? "success" : kind.name().toLowerCase(Locale.ROOT);
    }
    return "unreachable";
  }
}
