package io.statedesk.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The content-type rule of section 1.2: JSON, charset optional, UTF-8 only. */
class ContentTypesTest {

  @Test
  void jsonWithOrWithoutUtf8IsAccepted() {
    assertThat(ContentTypes.acceptable("application/json")).isTrue();
    assertThat(ContentTypes.acceptable("application/json; charset=UTF-8")).isTrue();
    assertThat(ContentTypes.acceptable("Application/JSON;charset=\"utf-8\"")).isTrue();
    assertThat(ContentTypes.acceptable("application/json; charset=utf8")).isTrue();
  }

  @Test
  void anythingElseIsRefused() {
    assertThat(ContentTypes.acceptable(null)).isFalse();
    assertThat(ContentTypes.acceptable("")).isFalse();
    assertThat(ContentTypes.acceptable("text/plain")).isFalse();
    assertThat(ContentTypes.acceptable("application/jsonx")).isFalse();
    assertThat(ContentTypes.acceptable("application/x-www-form-urlencoded")).isFalse();
    assertThat(ContentTypes.acceptable("application/json; charset=ISO-8859-1")).isFalse();
    assertThat(ContentTypes.acceptable("application/json; charset=")).isFalse();
  }
}
