package io.statedesk.web.pages;

import io.statedesk.testkit.BrowserSteps;
import io.statedesk.web.ConsoleServer;
import java.time.Duration;
import org.openqa.selenium.WebDriver;

/**
 * What the browser tests and their page objects drive the browser with: the test kit's {@link
 * BrowserSteps} on the shared console server ({@link ConsoleServer}), each step waiting up to
 * {@link #PATIENCE}.
 *
 * <p>Exists so that the page objects of this package name one type and no test passes the console's
 * address or a patience around; the waits themselves are the test kit's, shared with the server
 * matrix's smoke test, so that they are written once.
 */
public final class PageDriver extends BrowserSteps {

  /** How long a page gets to show what a step waits for, unless the step says otherwise. */
  public static final Duration PATIENCE = Duration.ofSeconds(20);

  /** Steps in {@code browser} on the shared console server (started here if it has not been). */
  public PageDriver(WebDriver browser) {
    super(browser, ConsoleServer.consoleUrl(), PATIENCE);
  }
}
