package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.CustomState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three things a read-back can find, and how each compares with a target and reads. */
class ReadingTest {

  static final Reading SEVEN = new Reading.Code(new CustomState(7));

  @Test
  void aCodeMatchesOnlyASetOfTheSameCode() {
    assertThat(SEVEN.matches(StateTarget.set(7))).isTrue();
    assertThat(SEVEN.matches(StateTarget.set(8))).isFalse();
    assertThat(SEVEN.matches(StateTarget.clear())).isFalse();
    assertThat(SEVEN.isKnown()).isTrue();
    assertThat(SEVEN.describe()).isEqualTo("7");
    assertThat(SEVEN.column()).isEqualTo(7);
  }

  @Test
  void noCustomStateMatchesOnlyAClear() {
    assertThat(Reading.NOT_SET.matches(StateTarget.clear())).isTrue();
    assertThat(Reading.NOT_SET.matches(StateTarget.set(0))).isFalse();
    assertThat(Reading.NOT_SET.isKnown()).isTrue();
    assertThat(Reading.NOT_SET.describe()).isEqualTo("none");
    assertThat(Reading.NOT_SET.column()).isNull();
  }

  @Test
  void aFailedReadMatchesNothingAndHasNothingToRecord() {
    assertThat(Reading.UNKNOWN.matches(StateTarget.clear())).isFalse();
    assertThat(Reading.UNKNOWN.matches(StateTarget.set(7))).isFalse();
    assertThat(Reading.UNKNOWN.isKnown()).isFalse();
    assertThat(Reading.UNKNOWN.describe()).isEqualTo("unknown");
    assertThatThrownBy(Reading.UNKNOWN::column).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theGatewaysAnswerIsACodeOrNone() {
    assertThat(Reading.of(Optional.of(new CustomState(7)))).isEqualTo(SEVEN);
    assertThat(Reading.of(Optional.empty())).isEqualTo(Reading.NOT_SET);
  }

  @Test
  void theDirectorysColumnIsNoneForNullAndUnknownOutOfRange() {
    assertThat(Reading.ofColumn(7)).isEqualTo(SEVEN);
    assertThat(Reading.ofColumn(null)).isEqualTo(Reading.NOT_SET);
    assertThat(Reading.ofColumn(CustomState.NOT_SET)).isEqualTo(Reading.UNKNOWN);
    assertThat(Reading.ofColumn(-1).matches(StateTarget.clear())).isFalse();
  }

  @Test
  void aCodeNeedsAState() {
    assertThatThrownBy(() -> new Reading.Code(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
