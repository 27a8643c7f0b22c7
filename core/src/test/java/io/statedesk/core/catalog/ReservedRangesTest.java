package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservedRangesTest {

  static ReservedRange range(int first, int last, String reason) {
    return new ReservedRange(first, last, reason, "admin", Instant.EPOCH);
  }

  @Test
  void rangesOverlapWhenTheyShareACodeEndsIncluded() {
    assertThat(ReservedRanges.overlap(200, 250, 250, 300)).as("touching at 250").isTrue();
    assertThat(ReservedRanges.overlap(250, 300, 200, 250)).as("the other way round").isTrue();
    assertThat(ReservedRanges.overlap(200, 250, 210, 220)).as("one inside the other").isTrue();
    assertThat(ReservedRanges.overlap(210, 220, 200, 250)).isTrue();
    assertThat(ReservedRanges.overlap(5, 5, 5, 5)).as("one code each").isTrue();
    assertThat(ReservedRanges.overlap(200, 250, 251, 300)).as("adjacent").isFalse();
    assertThat(ReservedRanges.overlap(251, 300, 200, 250)).isFalse();
    assertThat(ReservedRanges.overlap(0, 0, 1, 65534)).isFalse();
  }

  @Test
  void overlappingNamesEveryRangeSharingACodeInOrder() {
    List<ReservedRange> ranges =
        List.of(range(1, 255, "rest"), range(200, 250, "busy"), range(300, 310, "other"));
    assertThat(ReservedRanges.overlapping(ranges, 240, 260))
        .extracting(ReservedRange::getReason)
        .containsExactly("rest", "busy");
    assertThat(ReservedRanges.overlapping(ranges, 256, 299)).isEmpty();
    assertThat(ReservedRanges.overlapping(ranges, 310, 400))
        .extracting(ReservedRange::getReason)
        .containsExactly("other");
  }

  @Test
  void aCodeIsInsideFromTheFirstToTheLastCodeIncluded() {
    List<ReservedRange> ranges = List.of(range(1, 255, "rest"), range(200, 250, "busy"));
    assertThat(ReservedRanges.holding(ranges, 200))
        .extracting(ReservedRange::getReason)
        .containsExactly("rest", "busy");
    assertThat(ReservedRanges.holding(ranges, 250)).hasSize(2);
    assertThat(ReservedRanges.holding(ranges, 251))
        .extracting(ReservedRange::getReason)
        .containsExactly("rest");
    assertThat(ReservedRanges.holding(ranges, 0)).isEmpty();
    assertThat(ReservedRanges.holding(ranges, 256)).isEmpty();
  }

  @Test
  void theWarningNamesTheCodeTheRangeAndItsReason() {
    FieldError warning = ReservedRanges.inside(210, range(200, 250, "mirrors <b>busy</b> reasons"));
    assertThat(warning.field()).isEqualTo("code");
    assertThat(warning.message())
        .isEqualTo("210 is in the reserved range 200..250 (mirrors <b>busy</b> reasons)");
  }

  @Test
  void huaweiReservesNoCustomStateNumberItsRangesAreForReference() {
    assertThat(ReservedRanges.HUAWEI)
        .extracting(ReservedRanges.Documented::key)
        .containsExactly("customState", "restReasons", "busyReasons", "unset");
    assertThat(ReservedRanges.HUAWEI.get(0))
        .as("every custom state 0..65534 is the business's to define")
        .isEqualTo(
            new ReservedRanges.Documented(0, 65534, "customState", "cec_07_1228, cec_07_0361"));
  }
}
