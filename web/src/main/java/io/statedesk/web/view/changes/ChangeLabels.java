package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.web.i18n.LocaleBacking;
import io.statedesk.web.i18n.Texts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the change page and its CSV export name states: in the viewer's language, with the label a
 * code had when the change was made and today's beside it if renamed since. Reads the catalog once
 * per view (and each renamed code once).
 */
@Dependent
public class ChangeLabels implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient StateCatalog catalog;
  @Inject LocaleBacking locale;
  private transient Map<Integer, String> today;
  private transient Set<Integer> asked;
  private transient Map<Integer, StateCode> codes;

  /** The label of a target state in the viewer's language, or the code if not in the catalog. */
  public String stateLabel(Integer state) {
    if (state == null) {
      return Texts.text("change.cleared");
    }
    StateCode c = codes().get(state);
    return c == null ? Integer.toString(state) : state + " · " + c.labelFor(locale.getLocale());
  }

  /**
   * The state an outcome gave, with the label it had when the change was made (and today's beside
   * it if renamed since).
   */
  public String targetLabel(BulkOutcome o) {
    Integer state = o.getTargetState();
    StateCode c = state == null ? null : codes().get(state);
    return Labels.asThen(
        state, o.getTargetLabel(), c == null ? null : c.labelFor(locale.getLocale()), today(state));
  }

  /** Today's label of the change's code when it was renamed since the change, else null. */
  public String renamed(ChangeView view) {
    return view == null ? null : Labels.renamed(view.code(), view.codeLabel(), today(view.code()));
  }

  public String previousLabel(BulkOutcome o) {
    if (!o.isPreviousKnown()) {
      return Texts.text("change.unknown");
    }
    return o.getPreviousState() == null
        ? Texts.text("change.none")
        : stateLabel(o.getPreviousState());
  }

  /** The column names and cell labels of the export for people, times in {@code zoneId}. */
  ChangeCsv.Labels forExport(String zoneId) {
    return new ChangeCsv.Labels(
        Texts.text("export.outcome"),
        Texts.text("export.target"),
        Texts.text("export.previous"),
        Texts.text("export.finished", zoneId),
        outcome -> Texts.text("outcome." + ("IN_FLIGHT".equals(outcome) ? "PENDING" : outcome)),
        this::exportedState);
  }

  /** A state column's raw value (a code, clear, none, unknown) as the page says it. */
  private String exportedState(String raw) {
    return switch (raw) {
      case "clear" -> Texts.text("change.cleared");
      case "none", "unknown", "" -> raw;
      default -> {
        try {
          yield stateLabel(Integer.valueOf(raw));
        } catch (NumberFormatException e) {
          yield raw;
        }
      }
    };
  }

  /** Today's labels of the codes asked for so far (one read per code, kept for the view). */
  private Map<Integer, String> today(Integer code) {
    if (today == null) {
      today = new HashMap<>();
      asked = new HashSet<>();
    }
    if (code != null && asked.add(code)) {
      today.putAll(catalog.labelsToday(Set.of(code)));
    }
    return today;
  }

  private Map<Integer, StateCode> codes() {
    if (codes == null) {
      codes = new HashMap<>();
      catalog.active().forEach(c -> codes.put(c.getCode(), c));
    }
    return codes;
  }
}
