package io.statedesk.web.view.changes;

import io.statedesk.web.i18n.Texts;
import java.util.Map;

/**
 * How the pages show a state a past change gave ("labels as they were"): the code with the label it
 * had when the change was made, and today's label beside it when the code was renamed since.
 */
public final class Labels {

  private Labels() {}

  /**
   * Today's label of {@code code} when it differs from {@code then}, else {@code null}.
   *
   * @param today today's labels by code ({@code StateCatalog.labelsToday})
   */
  public static String renamed(Integer code, String then, Map<Integer, String> today) {
    String now = code == null ? null : today.get(code);
    return then != null && now != null && !now.equals(then) ? now : null;
  }

  /**
   * "101 · Coaching", with " (today: ...)" when renamed; the label of the viewer's language ({@code
   * fallback}) when the change kept none.
   */
  public static String asThen(
      Integer code, String then, String fallback, Map<Integer, String> today) {
    if (code == null) {
      return Texts.text("change.cleared");
    }
    String label = then != null ? then : fallback;
    String text = label == null ? Integer.toString(code) : code + " · " + label;
    String now = renamed(code, then, today);
    return now == null ? text : text + " " + Texts.text("labels.today", now);
  }
}
