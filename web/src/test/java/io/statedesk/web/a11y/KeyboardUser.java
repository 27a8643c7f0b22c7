package io.statedesk.web.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Keyboard-only moves for browser tests: Tab and Shift+Tab until a given element has the focus,
 * then keys on whatever has it. Nothing here clicks; the page's focus is only read (by script) to
 * know when to stop tabbing and to tell where the focus went.
 */
final class KeyboardUser {

  /** More tab stops than any console page has between two controls a test moves between. */
  private static final int MAX_STOPS = 120;

  private final WebDriver browser;

  KeyboardUser(WebDriver browser) {
    this.browser = browser;
  }

  /** The id of the element that has the focus ("" for none or no id). */
  String focused() {
    Object id =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var e = document.activeElement; return e && e !== document.body ? e.id : '';");
    return id == null ? "" : id.toString();
  }

  /** Presses Tab until the element {@code id} has the focus. */
  KeyboardUser tabTo(String id) {
    return moveTo(id, false);
  }

  /** Presses Shift+Tab until the element {@code id} has the focus. */
  KeyboardUser shiftTabTo(String id) {
    return moveTo(id, true);
  }

  private KeyboardUser moveTo(String id, boolean backwards) {
    StringBuilder path = new StringBuilder();
    for (int stop = 0; stop < MAX_STOPS; stop++) {
      String now = focused();
      if (id.equals(now)) {
        return this;
      }
      path.append(now.isEmpty() ? "?" : now).append(" > ");
      Actions keys = new Actions(browser);
      if (backwards) {
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT);
      } else {
        keys.sendKeys(Keys.TAB);
      }
      keys.perform();
    }
    assertThat(focused()).as("%s never reached by keyboard; focus went %s", id, path).isEqualTo(id);
    return this;
  }

  /** Presses keys (or types text) on the focused element. */
  KeyboardUser press(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
    return this;
  }
}
