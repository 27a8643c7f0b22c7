package io.statedesk.web.pages;

import org.openqa.selenium.By;

/**
 * Administration → Relay clients ({@code admin/relay-clients.xhtml}): a new client by name, the
 * dialog that shows its token once, and the table of clients with Revoke (asked to confirm).
 *
 * <p>Exists so that the tests find the page's three forms (create, clients, token) in one place
 * instead of spelling their ids in each test.
 */
public final class RelayClientsPage {

  public static final String PATH = "/admin/relay-clients.xhtml";

  private static final By NAME = By.id("createForm:name");
  private static final By CREATE = By.id("createForm:create");
  private static final By CLIENTS = By.id("clientsForm:clients");
  private static final By TOKEN = By.id("tokenForm:token");
  private static final By TOKEN_DONE = By.id("tokenForm:done");
  private static final By CONFIRM_YES = By.cssSelector(".ui-confirmdialog-yes");

  private final PageDriver page;

  /** The relay clients page the browser shows now. */
  public RelayClientsPage(PageDriver page) {
    this.page = page;
  }

  /** Opens the relay clients page. */
  public static RelayClientsPage open(PageDriver page) {
    page.open(PATH);
    return new RelayClientsPage(page);
  }

  /** Types a new client's name, once the field is shown, and presses Create. */
  public RelayClientsPage create(String name) {
    page.waitFor(NAME).sendKeys(name);
    page.click(CREATE);
    return this;
  }

  /** The token the dialog shows once after Create, once shown. */
  public String newToken() {
    return page.waitFor(TOKEN).getDomProperty("value");
  }

  /** Presses Done in the token's dialog (the console forgets the token). */
  public RelayClientsPage tokenDone() {
    page.click(TOKEN_DONE);
    page.awaitAjax();
    return this;
  }

  /** The table of clients' whole text. */
  public String clients() {
    return page.text(CLIENTS);
  }

  /** Presses Revoke on client {@code name} and says yes when asked. */
  public RelayClientsPage revoke(String name) {
    page.browser()
        .findElement(
            By.xpath(
                "//tr[.//span[normalize-space()='" + name + "']]//button[contains(@id,':revoke')]"))
        .click();
    page.click(CONFIRM_YES);
    page.awaitAjax();
    return this;
  }
}
