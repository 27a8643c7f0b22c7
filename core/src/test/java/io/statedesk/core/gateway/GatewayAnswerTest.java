package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope: which HTTP answers are answers, and which typed failure each of the others is. */
class GatewayAnswerTest {

  static final GatewayRequest SET =
      GatewayRequest.setCustomState(
          new GatewayAuth(10001, "279fe21d-2caa-4437-84c3-ab9e9dae20f5", null),
          new CustomState(301));

  static GatewayAnswer interpret(int status, String body, Map<String, List<String>> headers) {
    return GatewayAnswer.interpret(SET, status, body, headers, System.nanoTime());
  }

  @Test
  void retcodeZeroIsAnAnswerWithItsHeadersAndEveryCookie() {
    GatewayAnswer answer =
        interpret(
            200,
            "{\"message\":\"\",\"retcode\":\"0\",\"result\":{\"guid\":\"g\"}}",
            Map.of(
                "set-guid", List.of("JSESSIONID=abc", "ignored"),
                "set-cookie", List.of("A=1; Path=/", "B=2"),
                "x-empty", List.of()));
    assertThat(answer.request()).isSameAs(SET);
    assertThat(answer.header("Set-GUID")).as("any case, first value").isEqualTo("JSESSIONID=abc");
    assertThat(answer.header("X-Empty")).isNull();
    assertThat(answer.setCookies()).containsExactly("A=1; Path=/", "B=2");
    assertThat(answer.result().getString("guid")).isEqualTo("g");
  }

  @Test
  void aResultThatIsNoObjectIsNone() {
    assertThat(interpret(200, "{\"retcode\":\"0\",\"result\":[]}", Map.of()).result()).isNull();
    assertThat(interpret(200, "{\"retcode\":\"0\"}", Map.of()).result()).isNull();
  }

  @Test
  void anotherRetcodeIsARejectionWithItsClass() {
    GatewayRejectedException stale =
        catchThrowableOfType(
            GatewayRejectedException.class,
            () -> interpret(200, "{\"retcode\":\"100-006\",\"message\":\"x\"}", Map.of()));
    assertThat(stale.retcode().code()).isEqualTo("100-006");
    assertThat(stale.retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION);
    assertThat(stale.operation()).isEqualTo("setCustomState");
    assertThat(stale.agentId()).isEqualTo(10001);
    assertThat(stale.getMessage()).doesNotContain("2caa");
  }

  @Test
  void anHttpStatusOtherThan200IsUnavailableWithRetryAfter() {
    GatewayUnavailableException busy =
        catchThrowableOfType(
            GatewayUnavailableException.class,
            () -> interpret(503, "", Map.of("retry-after", List.of("2"))));
    assertThat(busy.kind()).isEqualTo(GatewayUnavailableException.Kind.HTTP_STATUS);
    assertThat(busy.httpStatus()).isEqualTo(503);
    assertThat(busy.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(busy.isRetryable()).isTrue();
    GatewayUnavailableException limited =
        catchThrowableOfType(
            GatewayUnavailableException.class,
            () -> interpret(429, "{\"retcode\":\"0\"}", Map.of()));
    assertThat(limited.httpStatus()).as("the status decides, not the body").isEqualTo(429);
    assertThat(limited.retryAfter()).isEmpty();
  }

  @Test
  void aBodyThatIsNotTheEnvelopeIsABadResponseNamingItsStart() {
    GatewayUnavailableException html =
        catchThrowableOfType(
            GatewayUnavailableException.class,
            () ->
                interpret(200, "<html>\n<body>Maintenance window tonight</body></html>", Map.of()));
    assertThat(html.kind()).isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
    assertThat(html.getMessage()).contains("body starts with '<html> <body>Maintenance window");
    assertThat(html.getMessage()).as("abbreviated to 40 characters").contains("…'");
    GatewayUnavailableException noRetcode =
        catchThrowableOfType(
            GatewayUnavailableException.class, () -> interpret(200, "{\"retcode\":0}", Map.of()));
    assertThat(noRetcode.kind()).isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
    assertThat(noRetcode.getMessage()).contains("no retcode field");
    assertThat(
            catchThrowableOfType(
                    GatewayUnavailableException.class, () -> interpret(200, "", Map.of()))
                .kind())
        .isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(GatewayAnswer.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(GatewayAnswer.retryAfter(" 7200 ")).isEqualTo(Duration.ofHours(1));
    assertThat(GatewayAnswer.retryAfter("-1")).isNull();
    assertThat(GatewayAnswer.retryAfter("garbage")).isNull();
    assertThat(GatewayAnswer.retryAfter(null)).isNull();
    assertThat(GatewayAnswer.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT")).isPositive();
    assertThat(GatewayAnswer.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
  }
}
