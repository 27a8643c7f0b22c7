package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.pages.CatalogAdminPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * An admin sees Huawei's documented ranges beside the admins' own on the catalog page, reserves
 * ranges, and is warned (not refused) about overlaps and about codes inside a range.
 */
class CatalogRangesIT extends BrowserTest {

  /** Creates a code through the New dialog; the dialog stays open when the code is refused. */
  static void newCode(CatalogAdminPage catalog, String code, String label) {
    catalog.newCode().code(code).label(label).save();
  }

  /**
   * Why one method: it is one user's journey, each step on what the step before left; split, each
   * part would sign in and build the same state again.
   */
  @Test
  void adminSeesHuaweisRangesReservesOwnAndIsWarned() throws Exception {
    signIn("admin", "admin-demo");
    CatalogAdminPage catalog = openCatalogAdmin();
    String listed = catalog.ranges();
    assertThat(listed)
        .contains("Huawei (documentation)")
        .contains("Busy reasons")
        .contains("cec_07_1211")
        .contains("65534");
    assertThat(catalog.huaweiRanges()).isEqualTo(4);
    assertThat(catalog.releasableHuaweiRanges()).as("Huawei's ranges cannot be released").isZero();

    newCode(catalog, "5605", "Made before its range");
    catalog.awaitMessage("State code 5605 created.");

    catalog.reserve("5600", "5649", "Kept for <b>site</b> codes");
    catalog.awaitMessage("Codes 5600..5649 reserved.");
    assertThat(catalog.messages())
        .contains("Codes 5600..5649 hold existing state codes 5605; they stay in the catalog.");

    catalog.reserve("5649", "5660", "Second site");
    catalog.awaitMessage(
        "Codes 5649..5660 overlap the reserved range 5600..5649 (Kept for <b>site</b> codes);"
            + " both are kept.");
    catalog.awaitRange("Second site");
    assertThat(catalog.ranges()).contains("Kept for <b>site</b> codes").contains("admin");
    assertThat(catalog.rangesTable().findElements(By.tagName("b")))
        .as("the note stays text")
        .isEmpty();
    assertThat(browser.findElements(By.cssSelector("#messages b"))).isEmpty();
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('rangesPanel').scrollIntoView({block: 'center'});");
    screenshot("guide-catalog-ranges");

    catalog
        .reserve("5700", "5690", " ")
        .awaitRangesForm("From and To must be within 0..65534, From not above To");
    assertThat(catalog.rangesForm())
        .contains("(was 5700..5690)")
        .contains("The note is required, at most 200 characters.");

    catalog
        .newCode()
        .code("5610")
        .label("Inside the range")
        .save()
        .awaitText("Code: 5610 is in the reserved range 5600..5649 (Kept for <b>site</b> codes)")
        .cancel();

    catalog
        .filter("Made before")
        .awaitOnlyRow(5605)
        .edit(5605)
        .label("Edited inside its range")
        .save();
    catalog.awaitMessage("State code 5605 saved.");
    assertThat(catalog.messages())
        .contains(
            "State code 5605 is inside the reserved range 5600..5649 (Kept for <b>site</b>"
                + " codes).");

    Path file = Files.createTempFile("ranges", ".csv");
    Files.writeString(
        file,
        "code,label,label_en,label_zh_CN,description,colour,category,sort_order,active,teams\n"
            + "5605,Imported inside,,,,#1f6feb,,0,true,\n"
            + "5611,New inside,,,,#1f6feb,,0,true,\n");
    catalog.previewImport(file);
    assertThat(catalog.importRows())
        .contains("Warning: code: 5605 is in the reserved range 5600..5649")
        .contains("code: 5611 is in the reserved range 5600..5649");
    assertThat(catalog.importCounts()).contains("update 1").contains("1 row has errors");
    catalog.cancelImport();

    catalog.release("Second site").awaitMessage("Codes 5649..5660 released.");
    catalog.awaitNoRange("Second site");
  }
}
