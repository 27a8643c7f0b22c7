package io.statedesk.web.view;

import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.floor.Floor;
import io.statedesk.core.floor.FloorSummary;
import io.statedesk.core.floor.SetupChecklist;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.system.HealthBoard;
import io.statedesk.web.i18n.LocaleBacking;
import io.statedesk.web.i18n.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overview page: the floor now (agents per custom state, sessions, changes running and
 * scheduled, recent failures; for admins the gateway's health), for admins the health board (what
 * is wrong, each with the page where it is looked into), then what this console can do for the
 * signed-in user today and what still has to be set up before it can (each item says who can set it
 * up).
 */
@Named("home")
@RequestScoped
public class HomeBacking {

  @Inject Caller caller;
  @Inject StateCatalog catalog;
  @Inject SetupChecklist setup;
  @Inject HealthBoard health;
  @Inject FloorSummary floorSummary;
  @Inject LocaleBacking locale;

  /** Where each topic of the health board is looked into. */
  private static final Map<HealthBoard.Topic, String> LINKS =
      Map.of(
          HealthBoard.Topic.GATEWAY, "/admin/system.xhtml",
          HealthBoard.Topic.SESSIONS, "/admin/directory.xhtml",
          HealthBoard.Topic.SYNC, "/admin/directory.xhtml",
          HealthBoard.Topic.SCHEDULES, "/schedule.xhtml",
          HealthBoard.Topic.LDAP, "/admin/system.xhtml");

  private List<HealthBoard.Finding> findings;

  private Floor floor;
  private Map<Integer, StateCode> codes;

  /**
   * The caller's floor (read once per request); {@code null} for anyone but supervisors and admins.
   */
  public Floor getFloor() {
    if (floor == null && (caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN))) {
      floor = floorSummary.now();
    }
    return floor;
  }

  /** Chart.js configuration: the caller's agents per custom state, in the catalog's colours. */
  public String getStateChart() {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    List<String> colours = new ArrayList<>();
    for (Floor.StateCount s : getFloor().states()) {
      labels.add(stateLabel(s.code()));
      values.add(s.agents());
      colours.add(stateColour(s.code()));
    }
    return Charts.bar(labels, values, colours);
  }

  /** A custom state as the floor names it: "100 · Meeting", or "no custom state". */
  public String stateLabel(int code) {
    if (code == AgentFilter.NO_CUSTOM_STATE) {
      return Texts.text("agents.filter.noCustom");
    }
    StateCode c = codes().get(code);
    return c == null ? Integer.toString(code) : code + " · " + c.labelFor(locale.getLocale());
  }

  /** The catalog's colour of a custom state; grey when none is set or the code is not active. */
  public String stateColour(int code) {
    StateCode c = codes().get(code);
    return c == null ? "#d0d7de" : c.getColour();
  }

  /** A count in the view's number format. */
  public String number(long n) {
    return Texts.quantity(n);
  }

  /** "12 agents" / "1 agent", in the view's number format. */
  public String agentsText(long n) {
    return Texts.counted("home.changes.agents", n);
  }

  /** "3 agents failed" / "1 agent failed". */
  public String failedText(long n) {
    return Texts.counted("home.changes.failed", n);
  }

  /** Milliseconds in the view's number format, one decimal below 10 ms. */
  public String millis(double ms) {
    NumberFormat f = NumberFormat.getNumberInstance(locale.getLocale());
    f.setMaximumFractionDigits(ms < 10 ? 1 : 0);
    return f.format(ms);
  }

  private Map<Integer, StateCode> codes() {
    if (codes == null) {
      codes = new HashMap<>();
      catalog.active().forEach(c -> codes.put(c.getCode(), c));
    }
    return codes;
  }

  /** The health board's findings, problems first; empty for anyone but an admin. */
  public List<HealthBoard.Finding> getFindings() {
    if (findings == null) {
      findings = caller.has(Role.ADMIN) ? health.findings() : List.of();
    }
    return findings;
  }

  /** What a finding says, e.g. "3 agents are signed in elsewhere (taken over): ...". */
  public String text(HealthBoard.Finding finding) {
    return Texts.text(
        "health." + finding.topic().name() + "." + finding.state(),
        finding.count(),
        finding.detail() == null ? "" : finding.detail());
  }

  public String levelText(HealthBoard.Finding finding) {
    return Texts.text("health.level." + finding.level().name());
  }

  public String linkText(HealthBoard.Finding finding) {
    return Texts.text("health.link." + finding.topic().name());
  }

  /** The page a finding links to, relative to the application. */
  public String link(HealthBoard.Finding finding) {
    return LINKS.get(finding.topic());
  }

  /** The checklist for the caller's role, in the order the work has to happen (core's rule). */
  public List<SetupChecklist.Item> getSetup() {
    return setup.forCaller();
  }
}
