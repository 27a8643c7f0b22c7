package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.statedesk.web.api.ApiCalls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a user takes away from the console: a one-time secret with a Copy button beside it, and a
 * change's CSV that Excel opens in UTF-8 (byte order mark), with labelled, local-time columns after
 * the raw ones that scripts read.
 */
class SecretsAndExportIT extends BrowserTest {

  @Test
  void aNewApiTokenIsShownOnceWithACopyButton() {
    signIn("bob", "bob-demo");
    open("/tokens.xhtml");
    waitFor(By.id("createForm:name")).sendKeys("copy-test");
    click(By.id("createForm:create"));
    awaitAjax();
    assertThat(waitFor(By.id("tokenForm:token")).getDomProperty("value")).isNotBlank();
    assertThat(text(By.id("tokenForm:copy"))).isEqualTo("Copy");
    click(By.id("tokenForm:copy"));
    assertThat(browser.switchTo().activeElement().getDomAttribute("id"))
        .as("Copy selects the token")
        .isEqualTo("tokenForm:token");
  }

  @Test
  void theChangeCsvHasABomAndLabelledLocalTimeColumnsBesideTheRawOnes() throws Exception {
    ApiCalls.syncDirectory();
    String id = ApiCalls.aliceChanges("10062", 100, "export test"); // no session: ends at once
    Path downloads = Files.createTempDirectory("statedesk-downloads");
    devTools(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    signIn("alice", "alice-demo");
    openChange(id).awaitStatus("Completed with problems").export();

    Path csv = downloads.resolve("change-" + id + ".csv");
    await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(Arrays.copyOf(bytes, 3))
        .as("UTF-8 byte order mark")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0])
        .startsWith("change,agent,name,team,target,previous,outcome,")
        .containsPattern(",Outcome,State to set,State before,Finished \\([^)]+\\)$");
    assertThat(lines[1])
        .contains(",NO_SESSION,")
        .containsPattern(
            ",no session,100 · [^,]+,[^,]*,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$");
    try (Stream<Path> files = Files.list(downloads)) {
      files.forEach(f -> f.toFile().delete());
    }
  }
}
