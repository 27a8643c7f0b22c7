package io.statedesk.web.view;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart}, built with JSON-P.
 *
 * <p>PrimeFaces writes the configuration into an inline script, so {@code <}, {@code >} and {@code
 * &} are escaped as JSON unicode escapes: a catalog label such as {@code </script>} stays text
 * inside the chart and cannot end the script element.
 *
 * <p>Charts do not animate: the picker's live refresh draws them again up to once a second, and an
 * animated chart would grow every bar from zero each time, a flicker on a busy floor; a click
 * during that growth also missed the bar it aimed at (the bar was still short), so it filtered
 * nothing.
 */
final class Charts {

  private Charts() {}

  /** A bar chart without legend, one colour per bar. */
  static String bar(List<String> labels, List<Long> values, List<String> colours) {
    JsonArrayBuilder l = Json.createArrayBuilder();
    labels.forEach(l::add);
    JsonArrayBuilder v = Json.createArrayBuilder();
    values.forEach(v::add);
    JsonArrayBuilder c = Json.createArrayBuilder();
    colours.forEach(c::add);
    String json =
        Json.createObjectBuilder()
            .add("type", "bar")
            .add(
                "data",
                Json.createObjectBuilder()
                    .add("labels", l)
                    .add(
                        "datasets",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("data", v)
                                    .add("backgroundColor", c))))
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("responsive", true)
                    .add("maintainAspectRatio", false)
                    .add("animation", false)
                    .add(
                        "plugins",
                        Json.createObjectBuilder()
                            .add("legend", Json.createObjectBuilder().add("display", false)))
                    .add(
                        "scales",
                        Json.createObjectBuilder()
                            .add(
                                "y",
                                Json.createObjectBuilder()
                                    .add("beginAtZero", true)
                                    .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
            .build()
            .toString();
    return escapeForScript(json);
  }

  static String escapeForScript(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
