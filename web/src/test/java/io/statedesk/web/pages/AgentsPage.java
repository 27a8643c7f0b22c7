package io.statedesk.web.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The agent picker ({@code agents.xhtml}) as a supervisor uses it: filter menus and the search box,
 * the charts, the table with a pick box per row, the selection counts with Select all and Clear,
 * {@link SavedSelections}, and the button that opens the {@link SetStateDialog}.
 *
 * <p>Every action waits for the page's AJAX to settle before it returns, and every read finds its
 * element afresh: the page re-renders its rows, counts and charts whenever the console pushes news.
 *
 * <p>Why one class of this length: the agent picker is the busiest page (filters, table, paging,
 * selection), and its page object keeps every locator and wait of it in one place.
 */
public final class AgentsPage {

  public static final String PATH = "/agents.xhtml";

  /** The filter menus above the table ({@code p:selectCheckboxMenu}s). */
  public enum Filter {
    TEAMS("teams"),
    STATES("states"),
    SKILLS("skills"),
    SESSIONS("sessions");

    final String id;

    Filter(String id) {
      this.id = id;
    }
  }

  /** The background of a picked row. */
  public static final String PICKED_ROW_BACKGROUND = "rgba(221, 244, 255, 1)";

  private static final By TABLE = By.id("agentsForm:agentTable");
  private static final By TABLE_HEAD = By.id("agentsForm:agentTable_head");
  private static final By TABLE_BODY = By.id("agentsForm:agentTable_data");
  private static final By ROWS = By.cssSelector("#agentsForm\\:agentTable_data tr");
  private static final By PICKED_ROWS =
      By.cssSelector("#agentsForm\\:agentTable_data tr.sd-row-selected");
  private static final By SEARCH = By.id("agentsForm:text");
  private static final By MATCHING = By.id("agentsForm:matching");
  private static final By SELECTED = By.id("agentsForm:selectedCount");
  private static final By OUTSIDE = By.id("agentsForm:outside");
  private static final By SELECT_ALL = By.id("agentsForm:selectAll");
  private static final By CLEAR = By.id("agentsForm:clear");
  private static final By PICK_PAGE = By.id("agentsForm:agentTable:pageToggle");
  private static final By SET_STATE = By.id("agentsForm:setState");
  private static final By RESET_FILTERS = By.id("agentsForm:resetFilters");
  private static final By NEXT_PAGE =
      By.cssSelector("#agentsForm\\:agentTable_paginator_top .ui-paginator-next");
  private static final By PREVIOUS_PAGE =
      By.cssSelector("#agentsForm\\:agentTable_paginator_top .ui-paginator-prev");
  private static final By MESSAGES = By.id("messages");
  private static final By HEADING = By.tagName("h1");

  private final PageDriver page;

  /** The picker the browser shows now. */
  public AgentsPage(PageDriver page) {
    this.page = page;
  }

  /** Opens the picker and waits for its table. */
  public static AgentsPage open(PageDriver page) {
    page.open(PATH);
    page.waitFor(TABLE);
    return new AgentsPage(page);
  }

  // ---- filters

  /**
   * Ticks {@code item} in a filter menu and closes the menu (a click on the page's heading),
   * waiting for the table to be filtered.
   */
  public AgentsPage filterBy(Filter menu, String item) {
    page.click(By.id("agentsForm:" + menu.id));
    page.waitFor(
            By.xpath(
                "//div[@id='agentsForm:"
                    + menu.id
                    + "_panel']//li[.//label[normalize-space()='"
                    + item
                    + "']]//div[contains(@class,'ui-chkbox-box')]"))
        .click();
    page.awaitAjax();
    page.click(HEADING);
    page.awaitAjax();
    return this;
  }

  /** {@link #filterBy} the team menu: {@code picker.filterByTeam("Billing")}. */
  public AgentsPage filterByTeam(String team) {
    return filterBy(Filter.TEAMS, team);
  }

  /** {@link #filterBy} the skill menu. */
  public AgentsPage filterBySkill(String skill) {
    return filterBy(Filter.SKILLS, skill);
  }

  /** Whether a filter menu offers {@code item} at all (hidden or shown). */
  public boolean offers(Filter menu, String item) {
    return page.has(
        By.xpath(
            "//div[@id='agentsForm:"
                + menu.id
                + "_panel']//label[normalize-space()='"
                + item
                + "']"));
  }

  /** What a filter menu shows (its choices, or its name when none is ticked). */
  public String filterLabel(Filter menu) {
    return page.text(By.id("agentsForm:" + menu.id));
  }

  /** Types into the search box (after what it holds) without waiting for the table. */
  public AgentsPage type(String text) {
    page.waitFor(SEARCH).sendKeys(text);
    return this;
  }

  /** What the search box holds. */
  public String searchText() {
    return page.waitFor(SEARCH).getDomProperty("value");
  }

  /** Searches for one agent and waits until the table lists that agent alone. */
  public AgentsPage findAgent(String agent) {
    page.type(SEARCH, agent);
    awaitOnly(agent);
    return this;
  }

  /** Waits until the table lists one row, the agent's, and its AJAX has settled. */
  public AgentsPage awaitOnly(String agent) {
    page.waiting()
        .until(
            d ->
                d.findElements(ROWS).size() == 1
                    && d.findElement(TABLE_BODY).getText().contains(agent));
    page.awaitAjax();
    return this;
  }

  /** Waits until the table's rows contain {@code text}. */
  public AgentsPage awaitRowsContaining(String text, Duration timeout) {
    page.waiting(timeout)
        .until(ExpectedConditions.textToBePresentInElementLocated(TABLE_BODY, text));
    return this;
  }

  /** Presses Reset filters. */
  public AgentsPage resetFilters() {
    page.clickWhenSteady(RESET_FILTERS);
    page.awaitAjax();
    return this;
  }

  /** "150 agents": how many agents the filters list. */
  public String matching() {
    return page.text(MATCHING);
  }

  /** The number in {@link #matching()}. */
  public int listed() {
    return Integer.parseInt(matching().replaceAll("\\D", ""));
  }

  /** Waits until {@link #matching()} reads {@code text}. */
  public AgentsPage awaitMatching(String text) {
    return awaitMatching(text, PageDriver.PATIENCE);
  }

  /** Waits until {@link #matching()} reads {@code text}, for as long as {@code timeout}. */
  public AgentsPage awaitMatching(String text, Duration timeout) {
    page.awaitText(MATCHING, text, timeout);
    return this;
  }

  /** Waits until {@link #listed()} is below {@code count}. */
  public AgentsPage awaitListedBelow(int count) {
    page.waiting().until(d -> listed() < count);
    return this;
  }

  // ---- charts

  /** The sum of a chart's bars ({@code customChart}, {@code gatewayChart}). */
  public long chartTotal(String chart) {
    Object sum =
        page.script(
            "return PF('widget_agentsForm_"
                + chart
                + "').chart.data.datasets[0].data.reduce((a, b) => a + b, 0);");
    return ((Number) sum).longValue();
  }

  /**
   * Clicks the bar {@code label} of a chart (which filters the table by it), aimed at one drawing
   * of the chart: the page draws it again when it refreshes live.
   */
  public AgentsPage clickBar(String chart, String label) {
    By canvas = By.cssSelector("#agentsForm\\:" + chart + " canvas");
    page.waitFor(canvas);
    page.awaitAjax();
    page.waiting()
        .until(
            d -> {
              WebElement drawn = d.findElement(canvas);
              @SuppressWarnings("unchecked")
              List<Number> point =
                  (List<Number>)
                      page.script(
                          "var c = PF('widget_agentsForm_"
                              + chart
                              + "').chart; var i = c.data.labels.indexOf(arguments[0]);"
                              + " var el = c.getDatasetMeta(0).data[i]; return [el.x, (el.y + el.base) / 2];",
                          label);
              int x = point.get(0).intValue() - drawn.getSize().getWidth() / 2;
              int y = point.get(1).intValue() - drawn.getSize().getHeight() / 2;
              new Actions(d).moveToElement(drawn, x, y).click().perform();
              return true;
            });
    page.awaitAjax();
    return this;
  }

  // ---- the table

  /** The table's column titles. */
  public String head() {
    return page.text(TABLE_HEAD);
  }

  /** The whole table body's text. */
  public String body() {
    return page.text(TABLE_BODY);
  }

  /**
   * The cells of a column ({@code sd-col-team}, ...) on the table's page, in row order, all from
   * one rendering.
   */
  public List<String> column(String styleClass) {
    return page.texts(By.cssSelector("#agentsForm\\:agentTable_data td." + styleClass));
  }

  /** The distinct teams on the table's page. */
  public List<String> teamsOnPage() {
    return column("sd-col-team").stream().distinct().toList();
  }

  /** The distinct gateway states on the table's page. */
  public List<String> gatewayStatesOnPage() {
    return column("sd-col-state").stream().distinct().toList();
  }

  /**
   * The first row's custom state as the table shows it now ("" when none), read once: for waits
   * that poll it themselves.
   */
  public String firstCustomState() {
    var cells =
        page.browser()
            .findElements(By.cssSelector("#agentsForm\\:agentTable_data tr td.sd-col-custom"));
    return cells.isEmpty() ? "" : cells.get(0).getText().strip();
  }

  /**
   * Points at an agent's custom state and returns the tooltip it shows (label and description).
   * Aimed at the row as drawn: the page refreshes its rows live (not while a tooltip is open).
   */
  public String customStateTooltip(String agent) {
    By cell =
        By.xpath(
            "//tbody[@id='agentsForm:agentTable_data']/tr[td[contains(@class,'sd-col-id')]"
                // the cell's own text: it also holds the column's title for narrow screens
                + "[text()[normalize-space()='"
                + agent
                + "']]]//span[contains(@id,'customCell')]");
    page.waiting()
        .until(
            d -> {
              new Actions(d).moveToElement(d.findElement(cell)).perform();
              return true;
            });
    return page.text(By.cssSelector(".ui-tooltip .ui-tooltip-text"));
  }

  /** How many agents the table's page lists now (no waiting). */
  public int agentRows() {
    return page.count(By.cssSelector("#agentsForm\\:agentTable_data tr td.sd-col-id"));
  }

  /** Opens the history of the agent in the table's first row (the link beside its id). */
  public void openHistoryOfFirstRow() {
    page.clickWhenSteady(By.cssSelector("#agentsForm\\:agentTable_data a.sd-history-link"));
  }

  /** Picks (or unpicks) the agent in row {@code row} of the table's page (from 0). */
  public AgentsPage pick(int row) {
    page.click(By.id("agentsForm:agentTable:" + row + ":toggle"));
    page.awaitAjax();
    return this;
  }

  /** Picks every agent on the table's page (the box in the column's header). */
  public AgentsPage pickPage() {
    page.click(PICK_PAGE);
    page.awaitAjax();
    return this;
  }

  /** The background colour of row {@code row} (from 0) as drawn now. */
  public String rowBackground(int row) {
    return page.browser()
        .findElement(By.xpath("//*[@id='agentsForm:agentTable_data']/tr[" + (row + 1) + "]"))
        .getCssValue("background-color");
  }

  /** How many rows of the table's page are marked picked. */
  public int pickedRows() {
    return page.count(PICKED_ROWS);
  }

  /** The table's next page. */
  public AgentsPage nextPage() {
    page.click(NEXT_PAGE);
    page.awaitAjax();
    return this;
  }

  /** The table's previous page. */
  public AgentsPage previousPage() {
    page.click(PREVIOUS_PAGE);
    page.awaitAjax();
    return this;
  }

  // ---- the selection

  /** "2 agents selected". */
  public String selected() {
    return page.text(SELECTED);
  }

  /** Waits until {@link #selected()} reads {@code text}. */
  public AgentsPage awaitSelected(String text) {
    page.awaitText(SELECTED, text, PageDriver.PATIENCE);
    return this;
  }

  /** The note on selected agents the filters hide. */
  public String outsideNote() {
    return page.text(OUTSIDE);
  }

  /** "Select all 150 that match". */
  public String selectAllLabel() {
    return page.text(SELECT_ALL);
  }

  /** Waits until {@link #selectAllLabel()} reads {@code text}. */
  public AgentsPage awaitSelectAllLabel(String text) {
    return awaitSelectAllLabel(text, PageDriver.PATIENCE);
  }

  /** Waits until {@link #selectAllLabel()} reads {@code text}, for as long as {@code timeout}. */
  public AgentsPage awaitSelectAllLabel(String text, Duration timeout) {
    page.awaitText(SELECT_ALL, text, timeout);
    return this;
  }

  /** Presses Select all … that match. */
  public AgentsPage selectAllMatching() {
    page.click(SELECT_ALL);
    page.awaitAjax();
    return this;
  }

  /** Presses Clear. */
  public AgentsPage clearSelection() {
    page.clickWhenSteady(CLEAR);
    page.awaitAjax();
    return this;
  }

  /** Presses Set state… and waits for its dialog. */
  public SetStateDialog setState() {
    page.clickWhenSteady(SET_STATE);
    page.awaitAjax();
    return new SetStateDialog(page).awaitShown();
  }

  // ---- saved selections

  /** The saved-selection bar above the table, with its Save dialog. */
  public SavedSelections savedSelections() {
    return new SavedSelections(page);
  }

  /** The page's global messages ("Selection … saved."). */
  public String messages() {
    return page.text(MESSAGES);
  }
}
