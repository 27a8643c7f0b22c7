package io.statedesk.web.api;

import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.BrowserTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The OpenAPI document is valid OpenAPI 3.1 (parsed by swagger-parser), lists every resource method
 * of the API (found by reflection), needs no token, and the API page renders it with Swagger UI
 * without a single Content-Security-Policy violation or script error.
 */
class OpenApiIT extends BrowserTest {

  static OpenAPI parse(String text) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  @Test
  void theDocumentIsValidAndListsEveryResourceMethod() {
    HttpResponse<String> json = send("GET", "/openapi.json", null);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    OpenAPI api = parse(json.body());
    assertThat(api.getOpenapi()).startsWith("3.1");
    assertThat(api.getComponents().getSecuritySchemes()).containsKey("token");
    List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.all();
    assertThat(endpoints).hasSizeGreaterThan(25);
    for (ApiEndpoints.Endpoint e : endpoints) {
      PathItem item = api.getPaths().get(e.path());
      assertThat(item).as(e + " in the document").isNotNull();
      PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(e.method());
      assertThat(item.readOperationsMap()).as(e + " in the document").containsKey(method);
      if (e.write() && item.readOperationsMap().get(method).getRequestBody() != null) {
        assertThat(item.readOperationsMap().get(method).getRequestBody().getContent().keySet())
            .as(e + " media types")
            .containsExactlyInAnyOrderElementsOf(e.consumes());
      }
    }
    long documented =
        api.getPaths().values().stream().mapToLong(p -> p.readOperations().size()).sum();
    assertThat(documented).as("no operation without a resource method").isEqualTo(endpoints.size());

    HttpResponse<String> yaml = send("GET", "/openapi.yaml", null);
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(parse(yaml.body()).getPaths().keySet()).isEqualTo(api.getPaths().keySet());
  }

  @Test
  void theApiPageRendersTheDocumentUnderTheConsolesPolicy() {
    signIn("alice", "alice-demo");
    click(By.id("menuForm:apiDocs"));
    Browsers.waitUpTo(browser, Duration.ofSeconds(60))
        .until(
            d ->
                "true".equals(d.findElement(By.id("swagger-ui")).getDomAttribute("data-loaded"))
                    && !d.findElements(By.cssSelector(".opblock")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".opblock")).size()).isGreaterThan(25);
    assertThat(text(By.id("swagger-ui"))).contains("/changes").contains("StateDesk API");
    List<LogEntry> problems =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            // Chromium asks the server's root for a favicon on its own; not the page's doing
            .filter(e -> !e.getMessage().contains("/favicon.ico"))
            .filter(
                e ->
                    e.getLevel().intValue() >= Level.WARNING.intValue()
                        || e.getMessage().toLowerCase(Locale.ROOT).contains("content security"))
            .toList();
    assertThat(problems).as("browser console").isEmpty();
  }
}
