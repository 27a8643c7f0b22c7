package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.pages.CatalogAdminPage;
import io.statedesk.web.pages.CodeDialog;
import io.statedesk.web.pages.CodeDialog.Field;
import io.statedesk.web.pages.UserDialog;
import io.statedesk.web.pages.UsersAdminPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin forms a first-time admin fills in: rules shown before input, a colour picked rather
 * than typed, errors that name the field by its label, values (passwords included) kept after a
 * failed save, every problem of an import line listed, counts in plural forms, and icon buttons
 * with an accessible name.
 */
class FormsAndMessagesIT extends BrowserTest {

  @Test
  void theCodeDialogPicksAColourAndAFailedSaveNamesTheFieldAndKeepsTheValues() {
    signIn("admin", "admin-demo");
    CatalogAdminPage catalog = openCatalogAdmin();
    CodeDialog dialog = catalog.newCode();
    assertThat(dialog.codeHelp()).contains("0 to 65534");
    assertThat(dialog.colourInput().getDomAttribute("type")).isEqualTo("color");
    dialog.colour("#ff8800");
    assertThat(dialog.colourHex()).isEqualTo("#ff8800");
    dialog.code("5301").category("Picked").save();
    assertThat(dialog.cellOf(Field.LABEL))
        .as("the error sits beside the field and names it by its label")
        .contains("Label: is required");
    screenshot("FormsAndMessagesIT-codeDialog");
    assertThat(dialog.value(Field.CODE)).isEqualTo("5301");
    assertThat(dialog.value(Field.COLOUR)).isEqualTo("#ff8800");
    assertThat(dialog.value(Field.CATEGORY)).isEqualTo("Picked");

    dialog.label("Colour picked").save();
    catalog.filter("Colour picked").awaitOnlyRow(5301);
    WebElement row = catalog.row(5301);
    assertThat(row.findElement(By.cssSelector(".sd-swatch")).getCssValue("background-color"))
        .isEqualTo("rgba(255, 136, 0, 1)");
    WebElement edit = catalog.editButton(5301);
    assertThat(edit.getDomAttribute("class"))
        .as("an icon-only button")
        .contains("ui-button-icon-only");
    assertThat(edit.getDomAttribute("aria-label")).isEqualTo("Edit");
    assertThat(edit.getDomAttribute("title")).isEqualTo("Edit");
  }

  @Test
  void aFailedUserFormKeepsThePasswordsAndNamesTheFieldByItsLabel() {
    signIn("admin", "admin-demo");
    UserDialog dialog = openUsersAdmin().newUser();
    assertThat(dialog.text()).contains("At least 8 characters");
    dialog
        .type(UserDialog.Field.USERNAME, "kept-values")
        .type(UserDialog.Field.DISPLAY_NAME, "Kept Values")
        .type(UserDialog.Field.PASSWORD, "a-long-password")
        .type(UserDialog.Field.PASSWORD_AGAIN, "a-long-password");
    // the dialog offers SUPERVISOR ticked: untick it, so that no role is chosen
    dialog.toggleRole("SUPERVISOR").save();
    assertThat(dialog.text())
        .contains("Roles: choose at least one role")
        .doesNotContain("roles choose");
    assertThat(dialog.value(UserDialog.Field.PASSWORD)).isEqualTo("a-long-password");
    assertThat(dialog.value(UserDialog.Field.PASSWORD_AGAIN)).isEqualTo("a-long-password");
    assertThat(dialog.value(UserDialog.Field.USERNAME)).isEqualTo("kept-values");
  }

  @Test
  void aRefusalOfCoreReadsInTheLanguageThePageIsIn() {
    signIn("admin", "admin-demo");
    UsersAdminPage users = openUsersAdmin();
    click(By.id("languageForm:lang-zh")); // the header's language switch
    UserDialog dialog =
        users
            .newUser()
            .type(UserDialog.Field.USERNAME, "alice") // a demo user: taken
            .type(UserDialog.Field.DISPLAY_NAME, "Alice Again")
            .type(UserDialog.Field.PASSWORD, "a-long-password")
            .type(UserDialog.Field.PASSWORD_AGAIN, "a-long-password")
            .save();
    // core's refusal (issue 21 point 7), said in Chinese beside the field's Chinese label
    assertThat(dialog.text()).contains("用户名：“alice”已被使用").doesNotContain("already taken");
  }

  @Test
  void anImportListsEveryProblemOfALineWithAPluralCount() throws Exception {
    signIn("admin", "admin-demo");
    open("/admin/directory.xhtml");
    Path file = Files.createTempFile("agents", ".csv");
    Files.writeString(file, "agent_id,name,team,skills,phone\nabc,,Night Desk,,\n");
    waitFor(By.id("importForm:preview"));
    browser.findElement(By.id("importForm:file_input")).sendKeys(file.toString());
    click(By.id("importForm:preview"));
    assertThat(text(By.id("previewSummary"))).contains("cannot be imported: 2 problems,");
    String problems = text(By.id("previewForm:problems"));
    assertThat(problems).contains("agent_id must be a number").contains("name must be");
    assertThat(browser.findElement(By.id("previewForm:confirm")).isEnabled()).isFalse();
  }
}
