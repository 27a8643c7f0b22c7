package io.statedesk.web.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.BrowserTest;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.ChangePage;
import io.statedesk.web.pages.SetStateDialog;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A supervisor who uses no mouse signs in, picks two agents, opens the Set-state dialog, chooses a
 * code, previews and applies, with Tab, Shift+Tab, Enter, arrows, Escape and typing only; the
 * gateway then holds the chosen state for both agents. Closing a dialog puts the focus back on the
 * button that opened it.
 */
class KeyboardOnlyIT extends BrowserTest {

  /** alice's (Technical Support), hosted, and used by no other browser test. */
  private static final int FIRST = 10008;

  private static final int SECOND = 10014;

  private KeyboardUser keys;

  @BeforeEach
  void knownState() {
    ApiCalls.syncDirectory();
    ApiCalls.aliceSetsAndWaits(FIRST + "," + SECOND, 101);
    keys = new KeyboardUser(browser);
  }

  @Test
  void aWholeBulkChangeWithoutTheMouse() throws Exception {
    signInByKeyboard("alice", "alice-demo");
    AgentsPage picker = openAgents();
    pick(picker, FIRST);
    pick(picker, SECOND);
    assertThat(picker.selected()).isEqualTo("2 agents selected");

    keys.shiftTabTo("agentsForm:setState").press(Keys.ENTER);
    SetStateDialog dialog = new SetStateDialog(page()).awaitShown();
    // a closed menu takes the next code on Arrow Down: the first code of the catalog
    keys.tabTo("setStateForm:code_label").press(Keys.ARROW_DOWN);
    awaitAjax();
    String chosen = dialog.codeLabel();
    assertThat(chosen).matches("\\d+ · .+");
    int code = Integer.parseInt(chosen.substring(0, chosen.indexOf(' ')));
    assertThat(code).isNotEqualTo(101);
    keys.tabTo("setStateForm:note").press("Set by keyboard");
    keys.tabTo("setStateForm:preview").press(Keys.ENTER);
    awaitAjax();
    assertThat(dialog.totals()).contains("2 will change");
    keys.tabTo("setStateForm:apply").press(Keys.ENTER);

    ChangePage change = ChangePage.awaitOpened(page()).awaitStatus("Completed");
    assertThat(change.note()).isEqualTo("Set by keyboard");
    assertThat(ApiCalls.simulatorState(FIRST)).isEqualTo(code);
    assertThat(ApiCalls.simulatorState(SECOND)).isEqualTo(code);
  }

  @Test
  void escapeClosesTheSetStateDialogAndTheFocusIsBackOnItsButton() {
    openTheSetStateDialogForOneAgent();
    // PrimeFaces moves the focus into a dialog in a task after showing it: wait for it, briefly
    Browsers.waitUpTo(browser, Duration.ofSeconds(5))
        .withMessage(() -> "the focus moved into the dialog: " + focusReport("setStateDialog"))
        .until(d -> keys.focused().startsWith("setStateForm:"));

    keys.press(Keys.ESCAPE);
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .until(
            ExpectedConditions.invisibilityOfElementLocated(By.id("setStateForm:setStateDialog")));
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .withMessage(() -> focusReport("setStateDialog"))
        .until(d -> keys.focused().equals("agentsForm:setState"));
  }

  /**
   * The Agents page's live refresh re-renders the Set-state button; one that lands in the 100 ms
   * between closing the dialog and PrimeFaces' own focus call found no focus to keep, and
   * PrimeFaces then focused the button it had held, no longer in the page. A real refresh is sent
   * while the dialog is open and its answer is handed to PrimeFaces right as the dialog gives the
   * focus back. (This test used to paste a copy of the button's panel from the page instead: the
   * copy had no widget script and kept the button as disabled as it was during PrimeFaces' 500 ms
   * loading animation, so an Escape that came within it left a dead, disabled button no focus could
   * reach.)
   */
  @Test
  void aLiveRefreshAsTheDialogClosesLeavesTheFocusOnTheNewButton() {
    openTheSetStateDialogForOneAgent();
    logFocusEvents();
    holdTheNextLiveRefresh();

    ((JavascriptExecutor) browser)
        .executeScript(
            "var w = PF('setStateDialog'), returnFocus = w.returnFocus; w.returnFocus = function () {"
                + " var r = returnFocus.apply(this, arguments); sdHeld.release(); return r; };");
    keys.press(Keys.ESCAPE);
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .withMessage(() -> focusReport("setStateDialog"))
        .until(d -> keys.focused().equals("agentsForm:setState"));
    awaitAjax();
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return sdHeld.released && document.activeElement"
                        + " === document.getElementById('agentsForm:setState');"))
        .as("the refresh was handed over, and the button now in the page has the focus")
        .isEqualTo(true);
  }

  /**
   * Sends the page's live refresh (the request that renders its charts) now and holds its answer
   * back from PrimeFaces until {@code sdHeld.release()}; returns once the answer has come.
   */
  private void holdTheNextLiveRefresh() {
    ((JavascriptExecutor) browser)
        .executeScript(
            "var ajax = $.ajax; $.ajax = function (o) { var real = ajax.apply(this, arguments);"
                + " if (!/partial\\.render=[^&]*charts/.test(String(o.data))) { return real; }"
                + " $.ajax = ajax; var late = $.Deferred(), held = window.sdHeld = {arrived: false};"
                + " real.then(function () { held.args = arguments; held.ok = true; held.arrived = true; },"
                + " function () { held.args = arguments; held.ok = false; held.arrived = true; });"
                + " held.release = function () { held.released = true; sdFocusLog.push('refresh handed over');"
                + " (held.ok ? late.resolveWith : late.rejectWith).call(late, o, held.args); };"
                + " ['done', 'fail', 'always'].forEach(function (m) { real[m] = function () {"
                + " late[m].apply(late, arguments); return real; }; });"
                + " return real; };"
                + " StateDesk.live.message('');");
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .withMessage("the page's live refresh was not sent or not answered")
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return !!(window.sdHeld && sdHeld.arrived);")));
  }

  @Test
  void theFocusReturnsToTheButtonAfterAnAdminDialogIsCancelled() {
    signInByKeyboard("admin", "admin-demo");
    open("/admin/catalog.xhtml");
    keys.tabTo("tableForm:new").press(Keys.ENTER);
    waitFor(By.id("editDialog"));
    awaitAjax();
    logFocusEvents();
    ((JavascriptExecutor) browser)
        .executeScript(
            "var w = PF('editDialog'), r = w.returnFocus; w.returnFocus = function () {"
                + " var o = this.focusedElementBeforeDialogOpened, st = function (when) { sdFocusLog.push(when"
                + " + ': opener disabled ' + (o && o.disabled) + ', inert ' + !!(o && o.closest('[inert]'))"
                + " + ', aria-hidden ' + !!(o && o.closest('[aria-hidden=true]')) + ', active '"
                + " + (document.activeElement && (document.activeElement.id || document.activeElement.tagName))"
                + " + ', modal overlays ' + $('.ui-widget-overlay').length); };"
                + " st('returnFocus, visible dialogs ' + $('.ui-dialog:visible').length);"
                + " setTimeout(function () { st('+150ms'); }, 150);"
                + " return r.apply(this, arguments); };");
    keys.press(Keys.ESCAPE);
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .withMessage(() -> focusReport("editDialog"))
        .until(d -> keys.focused().equals("tableForm:new"));
  }

  /** Where the focus is, what decides where it goes back, and the browser's console. */
  private String focusReport(String widget) {
    return "focus on '"
        + keys.focused()
        + "'; "
        + dialogFocusState(widget)
        + "; console: "
        + browser.manage().logs().get(LogType.BROWSER).getAll();
  }

  /** Records focus moves, and AJAX answers, in {@code sdFocusLog} for {@link #focusReport}. */
  private void logFocusEvents() {
    ((JavascriptExecutor) browser)
        .executeScript(
            "window.sdFocusLog = []; var log = function (e) { sdFocusLog.push(e.type + ' ' +"
                + " (e.target.id || e.target.tagName) + (e.target.disabled ? ' (disabled)' : '')); };"
                + " document.addEventListener('focusin', log, true);"
                + " document.addEventListener('focusout', log, true);"
                + " $(document).on('pfAjaxSend pfAjaxComplete', function (e) { sdFocusLog.push(e.type"
                + " + ' active ' + (document.activeElement && (document.activeElement.id"
                + " || document.activeElement.tagName))); });");
  }

  /** What decides where the focus goes back (for a failure's message). */
  private Object dialogFocusState(String widget) {
    return ((JavascriptExecutor) browser)
        .executeScript(
            "var w = PF(arguments[0]), o = w && w.focusedElementBeforeDialogOpened;"
                + " return 'opener ' + (o ? (o.id || o.tagName) + (document.body.contains(o) ? '' : ' (detached)') : 'none')"
                + " + ', last focused ' + (StateDesk.lastFocused ? StateDesk.lastFocused.id : 'none')"
                + " + ', visible dialogs ' + $('.ui-dialog:visible').map(function () { return this.id; }).get().join(',')"
                + " + ', ' + (o && o.id && document.getElementById(o.id) ? 'in the page: disabled '"
                + " + document.getElementById(o.id).disabled + ', classes ' + document.getElementById(o.id).className"
                + " : 'no element with its id')"
                + " + ', focus events: ' + (window.sdFocusLog || []).join('; ');",
            widget);
  }

  /** As alice, by keyboard: picks {@link #FIRST} and opens the Set-state dialog. */
  private void openTheSetStateDialogForOneAgent() {
    signInByKeyboard("alice", "alice-demo");
    pick(openAgents(), FIRST);
    keys.shiftTabTo("agentsForm:setState").press(Keys.ENTER);
    new SetStateDialog(page()).awaitShown();
  }

  private void signInByKeyboard(String user, String password) {
    open("/login.xhtml");
    waitFor(By.id("login:submit"));
    keys.tabTo("login:username").press(user);
    keys.tabTo("login:password").press(password, Keys.ENTER);
    waitFor(By.id("currentUser"));
  }

  /**
   * Finds one agent with the text filter and selects its row: forward from the top of a page just
   * opened, back from the row picked before.
   */
  private void pick(AgentsPage picker, int agent) {
    if (keys.focused().isEmpty()) {
      keys.tabTo("agentsForm:text");
    } else {
      keys.shiftTabTo("agentsForm:text");
    }
    String typed = picker.searchText();
    for (int i = 0; i < typed.length(); i++) {
      keys.press(Keys.BACK_SPACE);
    }
    keys.press(String.valueOf(agent));
    picker.awaitOnly(String.valueOf(agent));
    keys.tabTo("agentsForm:agentTable:0:toggle").press(Keys.ENTER);
    awaitAjax();
    // a live refresh may render the row again between finding the icon and reading it
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.cssSelector("[id='agentsForm:agentTable:0:toggle'] i"))
                    .getDomAttribute("class")
                    .contains("pi-check-square"));
  }
}
