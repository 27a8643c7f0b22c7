package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The menu shows what a role may use, and the server refuses what it may not. */
class RoleMenuIT extends BrowserTest {

  @Test
  void adminSeesTheAdministrationMenuAndTheSystemPage() {
    signIn("admin", "admin-demo");
    assertThat(browser.findElements(By.id("menuForm:adminMenu"))).isNotEmpty();
    open("/admin/system.xhtml");
    assertThat(text(By.id("schema"))).isNotBlank().isNotEqualTo("none");
    assertThat(text(By.id("mode"))).startsWith("Demo");
    assertThat(text(By.id("database"))).containsIgnoringCase("H2");
  }

  @Test
  void supervisorHasNoAdministrationMenuAndIsRefusedTheAdminPage() {
    signIn("alice", "alice-demo");
    assertThat(browser.findElements(By.id("menuForm:adminMenu"))).isEmpty();
    assertThat(text(By.id("menuForm:menu"))).contains("Overview");

    open("/admin/system.xhtml");
    assertThat(text(By.id("errorTitle"))).isEqualTo("Access denied");
    assertThat(text(By.id("errorId"))).matches("Error id: [0-9a-f]{10}");
  }
}
