package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin sees Huawei's documented ranges beside the admins' own on the catalog page, reserves
 * ranges, and is warned (not refused) about overlaps and about codes inside a range.
 */
class CatalogRangesIT extends BrowserTest {

  static final By MESSAGES = By.id("messages");
  static final By RANGES = By.id("rangesForm:ranges");

  WebDriverWait patiently() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  void fill(String id, String value) {
    awaitAjax();
    WebElement input = waitFor(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  void shows(By where, String text) {
    patiently().until(ExpectedConditions.textToBePresentInElementLocated(where, text));
  }

  void reserve(String first, String last, String note) {
    fill("rangesForm:first_input", first);
    fill("rangesForm:last_input", last);
    fill("rangesForm:note", note);
    click(By.id("rangesForm:add"));
    awaitAjax();
  }

  void newCode(String code, String label) {
    click(By.id("tableForm:new"));
    fill("editForm:code_input", code);
    fill("editForm:label", label);
    click(By.id("editForm:save"));
    awaitAjax();
  }

  @Test
  void adminSeesHuaweisRangesReservesOwnAndIsWarned() throws Exception {
    signIn("admin", "admin-demo");
    open("/admin/catalog.xhtml");
    String listed = text(RANGES);
    assertThat(listed)
        .contains("Huawei (documentation)")
        .contains("Busy reasons")
        .contains("cec_07_1211")
        .contains("65534");
    assertThat(browser.findElements(By.cssSelector("#rangesForm\\:ranges_data tr.sd-row-huawei")))
        .hasSize(4);
    assertThat(
            browser.findElements(
                By.cssSelector("#rangesForm\\:ranges_data tr.sd-row-huawei [id$=':remove']")))
        .as("Huawei's ranges cannot be released")
        .isEmpty();

    newCode("5605", "Made before its range");
    shows(MESSAGES, "State code 5605 created.");

    reserve("5600", "5649", "Kept for <b>site</b> codes");
    shows(MESSAGES, "Codes 5600..5649 reserved.");
    assertThat(text(MESSAGES))
        .contains("Codes 5600..5649 hold existing state codes 5605; they stay in the catalog.");

    reserve("5649", "5660", "Second site");
    shows(
        MESSAGES,
        "Codes 5649..5660 overlap the reserved range 5600..5649 (Kept for <b>site</b> codes);"
            + " both are kept.");
    shows(RANGES, "Second site");
    assertThat(text(RANGES)).contains("Kept for <b>site</b> codes").contains("admin");
    assertThat(browser.findElement(RANGES).findElements(By.tagName("b")))
        .as("the note stays text")
        .isEmpty();
    assertThat(browser.findElements(By.cssSelector("#messages b"))).isEmpty();
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('rangesPanel').scrollIntoView({block: 'center'});");
    screenshot("guide-catalog-ranges");

    reserve("5700", "5690", " ");
    shows(By.id("rangesForm"), "From and To must be within 0..65534, From not above To");
    assertThat(text(By.id("rangesForm")))
        .contains("(was 5700..5690)")
        .contains("The note is required, at most 200 characters.");

    newCode("5610", "Inside the range");
    shows(
        By.id("editForm"),
        "Code: 5610 is in the reserved range 5600..5649 (Kept for <b>site</b> codes)");
    click(By.id("editForm:cancel"));

    fill("tableForm:text", "Made before");
    By rows = By.cssSelector("[id='tableForm:codes_data'] > tr");
    patiently()
        .until(
            d ->
                d.findElements(rows).size() == 1 && d.findElement(rows).getText().contains("5605"));
    awaitAjax();
    click(By.cssSelector("#tableForm\\:codes_data [id$=':edit']"));
    awaitAjax();
    fill("editForm:label", "Edited inside its range");
    click(By.id("editForm:save"));
    shows(MESSAGES, "State code 5605 saved.");
    assertThat(text(MESSAGES))
        .contains(
            "State code 5605 is inside the reserved range 5600..5649 (Kept for <b>site</b>"
                + " codes).");

    Path file = Files.createTempFile("ranges", ".csv");
    Files.writeString(
        file,
        "code,label,label_en,label_zh_CN,description,colour,category,sort_order,active,teams\n"
            + "5605,Imported inside,,,,#1f6feb,,0,true,\n"
            + "5611,New inside,,,,#1f6feb,,0,true,\n");
    browser.findElement(By.id("importForm:file_input")).sendKeys(file.toString());
    click(By.id("importForm:preview"));
    String preview = text(By.id("previewForm:previewRows"));
    assertThat(preview)
        .contains("Warning: code: 5605 is in the reserved range 5600..5649")
        .contains("code: 5611 is in the reserved range 5600..5649");
    assertThat(text(By.id("previewCounts"))).contains("update 1").contains("1 row has errors");
    click(By.id("previewForm:cancelImport"));

    WebElement second =
        waitFor(By.xpath("//tbody[@id='rangesForm:ranges_data']/tr[contains(., 'Second site')]"));
    second.findElement(By.cssSelector("[id$=':remove']")).click();
    shows(MESSAGES, "Codes 5649..5660 released.");
    patiently()
        .until(
            ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(RANGES, "Second site")));
  }
}
