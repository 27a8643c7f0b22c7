package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.pages.CatalogAdminPage;
import io.statedesk.web.pages.CodeDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An admin maintains the catalog in the browser; a supervisor cannot reach the admin actions. */
class CatalogAdminIT extends BrowserTest {

  @Test
  void adminCreatesEditsAndDeactivatesACode() {
    signIn("admin", "admin-demo");
    CatalogAdminPage catalog = openCatalogAdmin();
    catalog
        .newCode()
        .code("5101")
        .label("Browser made <b>it</b>")
        .labelZh("浏览器")
        .colour("#aa00cc")
        .category("UI tests")
        .save();
    catalog.awaitMessage("State code 5101 created.");

    catalog.search("Browser made");
    assertThat(catalog.row(5101).getText())
        .contains("Browser made <b>it</b>")
        .contains("浏览器")
        .contains("Active");
    assertThat(catalog.row(5101).findElements(By.tagName("b")))
        .as("the label stays text")
        .isEmpty();

    CodeDialog dialog = catalog.edit(5101);
    assertThat(dialog.value(CodeDialog.Field.LABEL)).isEqualTo("Browser made <b>it</b>");
    dialog.label("Browser edited").save();
    catalog.awaitMessage("State code 5101 saved.");

    catalog.search("Browser edited").deactivate(5101).awaitMessage("State code 5101 deactivated");
    assertThat(catalog.row(5101).getText()).contains("Inactive");
  }

  @Test
  void invalidInputIsExplainedNextToTheField() {
    signIn("admin", "admin-demo");
    CodeDialog dialog = openCatalogAdmin().newCode().code("100").label("x".repeat(45));
    // the colour is picked, not typed: nothing like "blue" can reach the server from the dialog
    // (the rule is still checked: the import test below)
    assertThat(dialog.colourInput().getDomAttribute("type")).isEqualTo("color");
    dialog.save().awaitText("100 already exists");
    assertThat(dialog.text())
        .contains("Label: must be 1 to 40 characters, was 45")
        .contains("100 already exists");
  }

  @Test
  void anImportWithOneBadLineIsPreviewedAndChangesNothing() throws Exception {
    signIn("admin", "admin-demo");
    CatalogAdminPage catalog = openCatalogAdmin();
    Path file = Files.createTempFile("catalog", ".csv");
    Files.writeString(
        file,
        "code,label,label_en,label_zh_CN,description,colour,category,sort_order,active,teams\n"
            + "5201,Imported fine,,,,#123456,Import,1,true,\n5202,Imported bad,,,,red,Import,2,true,\n");
    catalog.previewImport(file);
    assertThat(catalog.importCounts()).contains("create 1,").contains("1 row has errors");
    assertThat(catalog.importRows()).contains("must be #rrggbb").contains("3");
    assertThat(catalog.importConfirmable()).isFalse();
    catalog.cancelImport().filter("Imported fine").awaitRowsContaining("No state codes match.");
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
