package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.pages.UserDialog;
import io.statedesk.web.pages.UserDialog.Field;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A signed-in admin's form posted with a foreign or a missing Faces view state (what a cross-site
 * request forgery would send) changes nothing and ends on the expired-page notice; so does a
 * non-AJAX form post without a view state.
 */
class CsrfIT extends BrowserTest {

  @ParameterizedTest
  @ValueSource(strings = {"foreign", "missing"})
  void aFormWithoutItsOwnViewStateChangesNothing(String kind) throws Exception {
    String name = "csrf-" + kind + System.nanoTime() % 10000;
    signIn("admin", "admin-demo");
    UserDialog dialog =
        openUsersAdmin()
            .newUser()
            .fill(Field.USERNAME, name)
            .fill(Field.DISPLAY_NAME, "Forged")
            .fill(Field.PASSWORD, "forged-pass-1")
            .fill(Field.PASSWORD_AGAIN, "forged-pass-1");
    ((JavascriptExecutor) browser)
        .executeScript(
            "missing".equals(kind)
                ? "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                    + ".forEach(i => i.remove());"
                : "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
                    + ".forEach(i => i.value = '-4242424242424242424:1234567890123456789');");
    dialog.submit();
    // foreign: OmniFaces' FullAjaxExceptionHandler renders the notice in place of the view;
    // missing: ViewStateGuard redirects to it (Faces alone would re-render the page silently)
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.tagName("h1"), "Page expired"));
    screenshot("CsrfIT-" + kind);

    assertThat(openUsersAdmin().users()).as("the forged user must not exist").doesNotContain(name);
  }

  @Test
  void aPlainFormPostWithoutViewStateEndsOnTheExpiredPage() {
    signIn("admin", "admin-demo");
    openUsersAdmin();
    // what a forging site would send: a plain form, no view state, to a signed-in user's page
    ((JavascriptExecutor) browser)
        .executeScript(
            "const f = document.createElement('form'); f.method = 'post';"
                + " f.action = location.pathname;"
                + " const i = document.createElement('input'); i.name = 'userForm:username';"
                + " i.value = 'forged-plain'; f.appendChild(i); document.body.appendChild(f);"
                + " f.submit();");
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBe(By.tagName("h1"), "Page expired"));
    assertThat(browser.getCurrentUrl()).endsWith("/errors/expired.xhtml");
  }
}
