package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An admin maintains the catalog in the browser; a supervisor cannot reach the admin actions. */
class CatalogAdminIT extends BrowserTest {

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  WebElement row(int code) {
    return waitFor(
        By.xpath(
            "//tbody[@id='tableForm:codes_data']/tr[td[1][normalize-space()='" + code + "']]"));
  }

  void type(String id, String text) {
    awaitAjax();
    WebElement input = waitFor(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /** Sets the native colour picker, as choosing in its panel does. */
  void pickColour(String hex) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            waitFor(By.id("editForm:colour")),
            hex);
  }

  void search(String text) {
    // the search fires 300 ms after the last key: wait for its own answer before reading rows
    // (the unfiltered table may already show the text, and is then replaced under our feet)
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(
        "window.sdSearched = false;"
            + " jQuery(document).one('pfAjaxComplete', function () { window.sdSearched = true; });");
    type("tableForm:text", text);
    waiter().until(d -> Boolean.TRUE.equals(js.executeScript("return window.sdSearched;")));
    awaitAjax();
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("tableForm:codes_data"), text));
  }

  @Test
  void adminCreatesEditsAndDeactivatesACode() {
    signIn("admin", "admin-demo");
    open("/admin/catalog.xhtml");
    click(By.id("tableForm:new"));
    waitFor(By.id("editForm:code_input"));
    type("editForm:code_input", "5101");
    type("editForm:label", "Browser made <b>it</b>");
    type("editForm:labelZh", "浏览器");
    pickColour("#aa00cc");
    type("editForm:category", "UI tests");
    click(By.id("editForm:save"));
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "State code 5101 created."));

    search("Browser made");
    assertThat(row(5101).getText())
        .contains("Browser made <b>it</b>")
        .contains("浏览器")
        .contains("Active");
    assertThat(row(5101).findElements(By.tagName("b"))).as("the label stays text").isEmpty();

    row(5101).findElement(By.cssSelector("[id$=':edit']")).click();
    awaitAjax();
    assertThat(waitFor(By.id("editForm:label")).getDomProperty("value"))
        .isEqualTo("Browser made <b>it</b>");
    type("editForm:label", "Browser edited");
    click(By.id("editForm:save"));
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "State code 5101 saved."));

    search("Browser edited");
    row(5101).findElement(By.cssSelector("[id$=':deactivate']")).click();
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "State code 5101 deactivated"));
    assertThat(row(5101).getText()).contains("Inactive");
  }

  @Test
  void invalidInputIsExplainedNextToTheField() {
    signIn("admin", "admin-demo");
    open("/admin/catalog.xhtml");
    click(By.id("tableForm:new"));
    waitFor(By.id("editForm:code_input"));
    type("editForm:code_input", "100");
    type("editForm:label", "x".repeat(45));
    // the colour is picked, not typed: nothing like "blue" can reach the server from the dialog
    // (the rule is still checked: the import test below)
    assertThat(browser.findElement(By.id("editForm:colour")).getDomAttribute("type"))
        .isEqualTo("color");
    click(By.id("editForm:save"));
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("editForm"), "100 already exists"));
    String dialog = browser.findElement(By.id("editForm")).getText();
    assertThat(dialog)
        .contains("Label: must be 1 to 40 characters, was 45")
        .contains("100 already exists");
  }

  @Test
  void anImportWithOneBadLineIsPreviewedAndChangesNothing() throws Exception {
    signIn("admin", "admin-demo");
    open("/admin/catalog.xhtml");
    Path file = Files.createTempFile("catalog", ".csv");
    Files.writeString(
        file,
        "code,label,label_en,label_zh_CN,description,colour,category,sort_order,active,teams\n"
            + "5201,Imported fine,,,,#123456,Import,1,true,\n5202,Imported bad,,,,red,Import,2,true,\n");
    browser.findElement(By.id("importForm:file_input")).sendKeys(file.toString());
    click(By.id("importForm:preview"));
    assertThat(text(By.id("previewCounts"))).contains("create 1,").contains("1 row has errors");
    assertThat(text(By.id("previewForm:previewRows"))).contains("must be #rrggbb").contains("3");
    assertThat(browser.findElement(By.id("previewForm:confirm")).isEnabled()).isFalse();
    click(By.id("previewForm:cancelImport"));
    type("tableForm:text", "Imported fine");
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("tableForm:codes_data"), "No state codes match."));
  }

  @Test
  void supervisorsSeeTheActiveCodesButNotTheAdminPage() {
    signIn("bob", "bob-demo");
    open("/catalog.xhtml");
    assertThat(text(By.id("activeCodes"))).contains("Training").contains("Coaching");
    assertThat(browser.findElements(By.id("menuForm:adminMenu"))).isEmpty();
    open("/admin/catalog.xhtml");
    assertThat(text(By.id("errorTitle"))).isEqualTo("Access denied");
  }
}
