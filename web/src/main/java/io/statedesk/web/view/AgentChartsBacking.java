package io.statedesk.web.view;

import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.event.ItemSelectEvent;
import org.primefaces.event.ToggleEvent;
import org.primefaces.model.Visibility;

/**
 * The two bar charts above the agent picker (the caller's agents per gateway state and per custom
 * state): a click on a bar filters the table by it, and the box stays folded if the user folds it.
 */
@Named("agentCharts")
@ViewScoped
public class AgentChartsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<GatewayState, String> STATE_COLOURS =
      Map.of(
          GatewayState.IDLE,
          "#2da44e",
          GatewayState.TALKING,
          "#0969da",
          GatewayState.BUSY,
          "#bf8700",
          GatewayState.WORK,
          "#8250df",
          GatewayState.REST,
          "#d4a72c",
          GatewayState.PRE_REST,
          "#e3b341",
          GatewayState.SIGNED_OUT,
          "#8c959f",
          GatewayState.UNKNOWN,
          "#d0d7de");

  @Inject transient AgentDirectory directory;
  @Inject AgentFilters filters;
  @Inject AgentsBacking agents;

  /** The bars of the last rendering, so that a click's index names a state. */
  private List<GatewayState> chartStates = List.of();

  private List<Integer> chartCodes = List.of();

  /** Chart.js configuration: the caller's agents per gateway state. */
  public String getGatewayStateChart() {
    Map<GatewayState, Long> counts =
        directory.countsByGatewayState(filters.filter().anyGatewayState());
    chartStates = new ArrayList<>(counts.keySet());
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (GatewayState s : chartStates) {
      labels.add(Texts.text("gatewayState." + s.name()));
      values.add(counts.get(s));
      colours.add(STATE_COLOURS.getOrDefault(s, "#8c959f"));
    }
    return Charts.bar(labels, values, colours);
  }

  /** Chart.js configuration: the caller's agents per custom state, in the catalog's colours. */
  public String getCustomStateChart() {
    Map<Integer, Long> counts = directory.countsByCustomState(filters.filter().anyCustomState());
    chartCodes = new ArrayList<>(counts.keySet());
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (Integer code : chartCodes) {
      StateCode c = agents.code(code);
      labels.add(
          code == AgentFilter.NO_CUSTOM_STATE
              ? Texts.text("agents.filter.noCustom")
              : agents.codeLabel(code));
      values.add(counts.get(code));
      colours.add(c == null ? "#d0d7de" : c.getColour());
    }
    return Charts.bar(labels, values, colours);
  }

  /** A click on a gateway-state bar filters the table by that state. */
  public void gatewayStateSelected(ItemSelectEvent event) {
    if (event.getItemIndex() >= 0 && event.getItemIndex() < chartStates.size()) {
      filters.setStates(List.of(chartStates.get(event.getItemIndex()).name()));
    }
  }

  /** A click on a custom-state bar filters the table by that custom state. */
  public void customStateSelected(ItemSelectEvent event) {
    if (event.getItemIndex() >= 0 && event.getItemIndex() < chartCodes.size()) {
      filters.setCustomState(Integer.toString(chartCodes.get(event.getItemIndex())));
    }
  }

  public boolean isChartsFolded() {
    return filters.isChartsFolded();
  }

  /** The user folded or unfolded the charts. */
  public void chartsToggled(ToggleEvent event) {
    filters.setChartsFolded(event.getVisibility() == Visibility.HIDDEN);
  }
}
