package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 point 7: core's refusals reach an API caller in the language of its {@code
 * Accept-Language} (English or Simplified Chinese, English for any other), with each broken rule of
 * a form or a file said the same way; the field names stay the API's.
 */
class RefusalLanguageIT {

  static final String ADMIN = basic("admin", "admin-demo");
  static final String ALICE = basic("alice", "alice-demo");

  static JsonObject json(HttpResponse<String> r) {
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  static final String UNKNOWN_CODE = "{\"agents\":[10001],\"code\":4242}";

  /** Alice's change with a code not in the catalog, asked in {@code languages} (or none). */
  static HttpResponse<String> refusedChange(String languages) {
    return languages == null
        ? send("POST", "/changes", UNKNOWN_CODE, "Authorization", ALICE)
        : send(
            "POST", "/changes", UNKNOWN_CODE, "Authorization", ALICE, "Accept-Language", languages);
  }

  @Test
  void aRefusedChangeIsExplainedInTheCallersLanguage() {
    HttpResponse<String> english = refusedChange(null);
    assertThat(english.statusCode()).isEqualTo(400);
    assertThat(json(english).getString("error"))
        .isEqualTo("State code 4242 is not in the catalog, or not offered to your teams");
    HttpResponse<String> chinese = refusedChange("zh-CN,zh;q=0.9,en;q=0.8");
    assertThat(chinese.statusCode()).isEqualTo(400);
    assertThat(json(chinese).getString("error")).isEqualTo("状态码 4242 不在目录中，或未向您的团队提供");
    assertThat(json(chinese).getString("field"))
        .isEqualTo("code"); // the API's name, not translated
    // a language the console does not speak first, then Chinese: Chinese; none it speaks: English
    assertThat(json(refusedChange("fr-FR, zh;q=0.5")).getString("error")).startsWith("状态码 4242");
    assertThat(json(refusedChange("fr-FR")).getString("error")).startsWith("State code 4242");
  }

  @Test
  void everyBrokenRuleOfAFormIsSaidInTheCallersLanguage() {
    String bad = "{\"code\":3991,\"label\":\"\",\"colour\":\"red\"}";
    HttpResponse<String> r =
        send("POST", "/catalog", bad, "Authorization", ADMIN, "Accept-Language", "zh-CN");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonObject body = json(r);
    assertThat(body.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field") + " " + e.getString("message"))
        .contains("label 为必填项（1 到 40 个字符）", "colour 必须是六位十六进制的 #rrggbb（例如 #1f6feb），实际为“red”");
    assertThat(body.getString("error")).contains("label：为必填项").contains("colour：必须是");
    assertThat(send("GET", "/catalog/3991", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(404); // nothing was made
  }

  @Test
  void anImportedFilesProblemIsSaidInTheCallersLanguage() {
    HttpResponse<String> r =
        send(
            "POST",
            "/catalog/import?format=csv&dryRun=false",
            "",
            "Authorization",
            ADMIN,
            "Content-Type",
            "text/csv",
            "Accept-Language",
            "zh-CN");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).getString("fileError")).isEqualTo("文件为空。");
    assertThat(json(r).getString("error")).isEqualTo("文件为空。");
  }
}
