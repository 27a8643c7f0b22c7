package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The catalog API's status codes and messages, as an automation script would meet them. */
class CatalogApiIT {

  static final String ADMIN = basic("admin", "admin-demo");
  static final String ALICE = basic("alice", "alice-demo");

  static String body(int code, String label) {
    return "{\"code\":"
        + code
        + ",\"label\":\""
        + label
        + "\",\"colour\":\"#1f6feb\",\"category\":\"API\",\"labels\":{\"zh-CN\":\"接口\"}}";
  }

  @Test
  void createReadUpdateDeleteWithTheRightStatuses() {
    HttpResponse<String> created =
        send("POST", "/catalog", body(3001, "From the API"), "Authorization", ADMIN);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"code\":3001").contains("\"version\":");
    long version = JsonFields.number(created.body(), "version");

    assertThat(send("GET", "/catalog/3001", null, "Authorization", ALICE).body())
        .contains("From the API")
        .contains("接口");
    assertThat(send("GET", "/catalog", null, "Authorization", ALICE).body())
        .contains("\"code\":3001")
        .contains("Training");

    HttpResponse<String> updated =
        send(
            "PUT",
            "/catalog/3001",
            "{\"label\":\"Renamed\",\"colour\":\"#000000\",\"version\":" + version + "}",
            "Authorization",
            ADMIN);
    assertThat(updated.statusCode()).isEqualTo(200);
    HttpResponse<String> stale =
        send(
            "PUT",
            "/catalog/3001",
            "{\"label\":\"Again\",\"colour\":\"#000000\",\"version\":" + version + "}",
            "Authorization",
            ADMIN);
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body()).contains("changed by someone else");

    assertThat(send("DELETE", "/catalog/3001", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/catalog/3001", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(404);
  }

  @Test
  void validationErrorsNameTheFields() {
    HttpResponse<String> bad =
        send(
            "POST",
            "/catalog",
            "{\"code\":65535,\"label\":\"" + "x".repeat(41) + "\",\"colour\":\"blue\"}",
            "Authorization",
            ADMIN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("65535 is the gateway")
        .contains("label must be 1 to 40 characters, was 41")
        .contains("colour must be #rrggbb");
    assertThat(send("POST", "/catalog", "{oops", "Authorization", ADMIN).body())
        .contains("The body is not valid JSON");
    send("POST", "/catalog", body(3010, "Taken"), "Authorization", ADMIN);
    assertThat(send("POST", "/catalog", body(3010, "Other"), "Authorization", ADMIN).body())
        .contains("3010 already exists");
    assertThat(
            send(
                    "PUT",
                    "/catalog/3010",
                    "{\"label\":\"x\",\"colour\":\"#000000\"}",
                    "Authorization",
                    ADMIN)
                .body())
        .contains("version is required");
  }

  @Test
  void reservedRangesRefuseNewCodes() {
    HttpResponse<String> reserved =
        send(
            "POST",
            "/catalog/reserved-ranges",
            "{\"first\":3200,\"last\":3250,\"reason\":\"mirrors busy reasons\"}",
            "Authorization",
            ADMIN);
    assertThat(reserved.statusCode()).isEqualTo(201);
    assertThat(send("POST", "/catalog", body(3225, "In range"), "Authorization", ADMIN).body())
        .contains("reserved range 3200..3250 (mirrors busy reasons)");
    assertThat(send("GET", "/catalog/reserved-ranges", null, "Authorization", ALICE).body())
        .contains("mirrors busy reasons");
    assertThat(
            send(
                    "POST",
                    "/catalog/reserved-ranges",
                    "{\"first\":10,\"last\":5,\"reason\":\"x\"}",
                    "Authorization",
                    ADMIN)
                .body())
        .contains("first <= last");
    assertThat(
            send(
                    "POST",
                    "/catalog/reserved-ranges",
                    "{\"first\":1,\"last\":5,\"reason\":\"x\"}",
                    "Authorization",
                    ALICE)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void teamScopedCodesReachOnlyTheirTeamsSupervisors() {
    send(
        "POST",
        "/catalog",
        "{\"code\":3040,\"label\":\"Sales floor only\",\"colour\":\"#000000\",\"teams\":[\"Sales\"]}",
        "Authorization",
        ADMIN);
    assertThat(send("GET", "/catalog", null, "Authorization", ALICE).body())
        .doesNotContain("Sales floor only");
    assertThat(send("GET", "/catalog/3040", null, "Authorization", ALICE).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/catalog", null, "Authorization", basic("bob", "bob-demo")).body())
        .contains("Sales floor only");
    assertThat(send("GET", "/users/bob/teams", null, "Authorization", ADMIN).body())
        .contains("Sales");
    assertThat(
            send("PUT", "/users/alice/teams", "{\"teams\":[\"Billing\"]}", "Authorization", ALICE)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("PUT", "/users/nobody/teams", "{\"teams\":[\"Billing\"]}", "Authorization", ADMIN)
                .body())
        .contains("no console user");
  }

  @Test
  void supervisorsCannotChangeTheCatalog() {
    assertThat(send("POST", "/catalog", body(3020, "Sneaky"), "Authorization", ALICE).statusCode())
        .isEqualTo(403);
    assertThat(send("DELETE", "/catalog/100", null, "Authorization", ALICE).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/catalog?all=true", null, "Authorization", ALICE).statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/catalog/100", null).statusCode()).isEqualTo(401);
  }

  @Test
  void exportAndImportWithPreview() {
    HttpResponse<String> csv =
        send("GET", "/catalog/export?format=csv", null, "Authorization", ADMIN);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body())
        .startsWith("code,label,label_en,label_zh_CN")
        .contains("100,Training,Training,培训");
    assertThat(send("GET", "/catalog/export?format=json", null, "Authorization", ADMIN).body())
        .contains("\"stateCodes\"");

    String file =
        "code,label,label_en,label_zh_CN,description,colour,category,sort_order,active,teams\n"
            + "3030,Imported,,,,#111111,Import,1,true,\n3031,Broken,,,,nope,Import,2,true,\n";
    HttpResponse<String> preview =
        send("POST", "/catalog/import?format=csv&dryRun=true", file, "Authorization", ADMIN);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("\"create\":1")
        .contains("\"error\":1")
        .contains("\"line\":3");
    HttpResponse<String> refused =
        send("POST", "/catalog/import?format=csv&dryRun=false", file, "Authorization", ADMIN);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(send("GET", "/catalog/3030", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/catalog/export?format=xml", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(400);
  }

  /**
   * Why one method: each request works on what the request before made; split, each part would make
   * it again.
   */
  @Test
  void overlapsAndCodesInsideARangeAreWarnedAboutNotRefused() {
    assertThat(
            send("POST", "/catalog", body(4405, "Before its range"), "Authorization", ADMIN)
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> first =
        send(
            "POST",
            "/catalog/reserved-ranges",
            "{\"first\":4400,\"last\":4449,\"reason\":\"API site codes\"}",
            "Authorization",
            ADMIN);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.body()).contains("holds existing codes [4405]; they stay in the catalog");
    HttpResponse<String> overlapping =
        send(
            "POST",
            "/catalog/reserved-ranges",
            "{\"first\":4449,\"last\":4460,\"reason\":\"API overlap\"}",
            "Authorization",
            ADMIN);
    assertThat(overlapping.statusCode()).as("reserved all the same").isEqualTo(201);
    assertThat(overlapping.body())
        .contains("\"field\":\"range\"")
        .contains("overlaps the reserved range 4400..4449 (API site codes)");

    String code = send("GET", "/catalog/4405", null, "Authorization", ADMIN).body();
    long version = JsonFields.number(code, "version");
    HttpResponse<String> edited =
        send(
            "PUT",
            "/catalog/4405",
            "{\"label\":\"Edited inside\",\"colour\":\"#000000\",\"version\":" + version + "}",
            "Authorization",
            ADMIN);
    assertThat(edited.statusCode()).isEqualTo(200);
    assertThat(edited.body())
        .contains("\"label\":\"Edited inside\"")
        .contains("4405 is in the reserved range 4400..4449 (API site codes)");

    String file =
        "code,label,label_en,label_zh_CN,description,colour,category,sort_order,active,teams\n"
            + "4405,Edited again,,,,#000000,API,0,true,\n4410,New inside,,,,#000000,API,0,true,\n";
    String preview =
        send("POST", "/catalog/import?format=csv&dryRun=true", file, "Authorization", ADMIN).body();
    assertThat(preview)
        .contains(
            "\"line\":2,\"code\":4405,\"label\":\"Edited again\",\"action\":\"update\","
                + "\"errors\":[],\"warnings\":[{")
        .contains("4405 is in the reserved range 4400..4449 (API site codes)")
        .contains("\"line\":3,\"code\":4410")
        .contains("4410 is in the reserved range 4400..4449 (API site codes)");

    long id = JsonFields.number(overlapping.body(), "id");
    assertThat(
            send("DELETE", "/catalog/reserved-ranges/" + id, null, "Authorization", ALICE)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("DELETE", "/catalog/reserved-ranges/" + id, null, "Authorization", ADMIN)
                .statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/catalog/reserved-ranges", null, "Authorization", ALICE).body())
        .contains("API site codes")
        .doesNotContain("API overlap");
  }
}
