package io.statedesk.core.catalog;

import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.problem.Text;
import java.util.List;

/**
 * The one rule of reserved ranges, in one place for the catalog, the import and the API: two ranges
 * overlap when each starts no later than the other ends (ends included), and a code is inside a
 * range from its first to its last code included. Also the ranges Huawei's documentation names,
 * which the catalog page lists beside the admins' own.
 */
public final class ReservedRanges {

  private ReservedRanges() {}

  /**
   * A range of numbers Huawei's CC-Gateway documentation names (see {@code shared/gateway-api.md},
   * sections 1.4 and 4). None of them is a reserved custom state: Huawei reserves no custom-state
   * number, so these are shown for reference and never refuse a code.
   *
   * @param first the first number
   * @param last the last number, included
   * @param key what the numbers are, as a message key suffix ({@code catalog.ranges.huawei.KEY})
   * @param source the documentation page, e.g. {@code cec_07_1228}
   */
  public record Documented(int first, int last, String key, String source) {}

  /** Huawei's documented ranges, lowest first. Facts of the gateway, so code, not table rows. */
  public static final List<Documented> HUAWEI =
      List.of(
          new Documented(
              CustomState.MIN, CustomState.MAX, "customState", "cec_07_1228, cec_07_0361"),
          new Documented(1, 255, "restReasons", "cec_07_1213, cec_07_2411, cec_07_1221"),
          new Documented(200, 250, "busyReasons", "cec_07_1211"),
          new Documented(CustomState.NOT_SET, CustomState.NOT_SET, "unset", "cec_07_1229"));

  /** Whether {@code first..last} and {@code otherFirst..otherLast} share at least one code. */
  public static boolean overlap(int first, int last, int otherFirst, int otherLast) {
    return first <= otherLast && otherFirst <= last;
  }

  /** The ranges among {@code ranges} that share a code with {@code first..last}, in their order. */
  public static List<ReservedRange> overlapping(List<ReservedRange> ranges, int first, int last) {
    return ranges.stream()
        .filter(r -> overlap(first, last, r.getFirstCode(), r.getLastCode()))
        .toList();
  }

  /** The ranges among {@code ranges} that hold {@code code}, in their order. */
  public static List<ReservedRange> holding(List<ReservedRange> ranges, int code) {
    return ranges.stream().filter(r -> r.contains(code)).toList();
  }

  /** The warning (or, on create, the refusal) for {@code code} inside {@code range}. */
  static FieldError inside(int code, ReservedRange range) {
    return new FieldError("code", Text.of("catalog.range.inside", code, describe(range)));
  }

  /** "first..last (reason)", as messages and the audit name a range. */
  static String describe(ReservedRange range) {
    return range.getFirstCode() + ".." + range.getLastCode() + " (" + range.getReason() + ")";
  }
}
