package io.statedesk.core.session;

import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.problem.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Agent ids and ranges as operators write them: {@code 10001-10300,20001}. */
final class AgentRanges {

  private AgentRanges() {}

  /**
   * The inclusive ranges of {@code spec}; empty for a blank one.
   *
   * @param error builds the exception for a bad part, from a sentence naming it
   */
  static List<RelayScope.Range> parse(String spec, Function<Text, RuntimeException> error) {
    List<RelayScope.Range> ranges = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return ranges;
    }
    for (String part : spec.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      String[] bounds = p.split("-", 2);
      int from;
      int to;
      try {
        from = Integer.parseInt(bounds[0].strip());
        to = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : from;
      } catch (NumberFormatException e) {
        throw error.apply(Text.of("ranges.notARange", p));
      }
      if (!AgentId.isValid(from) || !AgentId.isValid(to) || from > to) {
        throw error.apply(Text.of("ranges.outOfBounds", p));
      }
      ranges.add(new RelayScope.Range(from, to));
    }
    return ranges;
  }
}
