package io.statedesk.web.api;

import static io.statedesk.web.api.ServerLibraries.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.catalog.CatalogImport;
import io.statedesk.core.catalog.FieldError;
import io.statedesk.core.catalog.StateCodeData;
import io.statedesk.core.problem.Text;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.groups.Default;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog's bodies and answers as Payara's Yasson and Hibernate Validator read and write them:
 * members, order and nulls as the API always answered, each malformed member refused by name.
 */
class CatalogBodiesTest {

  @RegisterExtension static final ServerLibraries server = new ServerLibraries();

  static String json(Object answer) {
    return server.json(answer);
  }

  static StateCodeBody bind(String body, Class<?> rules) {
    return server.bind(body, StateCodeBody.class, Default.class, rules);
  }

  @Test
  void aCodeBindsAsCoreReadsIt() {
    StateCodeData data =
        bind(
                "{\"code\":101,\"label\":\"Training\",\"colour\":\"#336699\",\"labels\":"
                    + "{\"zh-CN\":\"培训\"},\"teams\":[\"Billing\"],\"active\":null}",
                StateCodeBody.New.class)
            .toData(null);
    assertThat(data)
        .isEqualTo(
            new StateCodeData(
                101,
                "Training",
                null,
                "#336699",
                null,
                0,
                true,
                Map.of("zh-CN", "培训"),
                Set.of("Billing")));
    assertThat(
            bind("{\"version\":3,\"active\":false}", StateCodeBody.Edit.class).toData(101).code())
        .as("an edit's code defaults to the path's")
        .isEqualTo(101);
  }

  @Test
  void aMalformedCodeIsRefusedByName() {
    assertThat(server.refusal(() -> bind("{\"label\":\"x\"}", StateCodeBody.New.class)))
        .isEqualTo(error("code is required", "code"));
    assertThat(server.refusal(() -> bind("{\"code\":101}", StateCodeBody.Edit.class)))
        .isEqualTo(
            error(
                "version is required: send the version you read, so that concurrent edits are"
                    + " detected",
                "version"));
    assertThat(
            server.refusal(() -> bind("{\"code\":101,\"active\":\"no\"}", StateCodeBody.New.class)))
        .isEqualTo(error("active must be true or false", "active"));
    assertThat(
            server.refusal(
                () -> bind("{\"code\":101,\"sortOrder\":\"1\"}", StateCodeBody.New.class)))
        .isEqualTo(error("sortOrder must be an integer", "sortOrder"));
    assertThat(
            server.refusal(
                () -> bind("{\"code\":101,\"labels\":{\"de\":1}}", StateCodeBody.New.class)))
        .isEqualTo(error("labels.de must be a string", "labels.de"));
    assertThat(
            server.refusal(
                () -> bind("{\"code\":101,\"teams\":[\"a\",2]}", StateCodeBody.New.class)))
        .isEqualTo(error("teams must be strings", "teams"));
    assertThat(
            server.refusal(
                () -> bind("{\"code\":101,\"teams\":\"Billing\"}", StateCodeBody.New.class)))
        .as("not ignored: an ignored teams offered the code to every team")
        .isEqualTo(error("teams must be an array of strings", "teams"));
    assertThat(
            server.refusal(
                () -> bind("{\"code\":101,\"labels\":[\"x\"]}", StateCodeBody.New.class)))
        .isEqualTo(error("labels must be an object", "labels"));
  }

  @Test
  void aCodeIsWrittenInItsOrderWithItsNullsAndWarningsOnlyWhereMade() {
    CatalogJson.Code code =
        new CatalogJson.Code(
            101,
            "Training",
            Map.of(),
            null,
            "#336699",
            null,
            0,
            true,
            List.of(),
            false,
            2,
            Instant.parse("2026-12-01T08:00:00Z"),
            "admin",
            null);
    String written =
        "{\"code\":101,\"label\":\"Training\",\"labels\":{},\"description\":null,"
            + "\"colour\":\"#336699\",\"category\":null,\"sortOrder\":0,\"active\":true,"
            + "\"teams\":[],\"used\":false,\"version\":2,\"updatedAt\":\"2026-12-01T08:00:00Z\","
            + "\"updatedBy\":\"admin\"";
    assertThat(json(code)).isEqualTo(written + "}");
    CatalogJson.Code edited =
        new CatalogJson.Code(
            code.code(),
            code.label(),
            code.labels(),
            code.description(),
            code.colour(),
            code.category(),
            code.sortOrder(),
            code.active(),
            code.teams(),
            code.used(),
            code.version(),
            code.updatedAt(),
            code.updatedBy(),
            List.of(new CatalogJson.Problem("code", "inside 100..199")));
    assertThat(json(edited))
        .isEqualTo(
            written + ",\"warnings\":[{\"field\":\"code\",\"message\":\"inside 100..199\"}]}");
    assertThat(
            json(
                new CatalogJson.Range(
                    7L, 100, 199, "Lab", "admin", Instant.parse("2026-12-01T08:00:00Z"), null)))
        .isEqualTo(
            "{\"id\":7,\"first\":100,\"last\":199,\"reason\":\"Lab\",\"createdBy\":\"admin\","
                + "\"createdAt\":\"2026-12-01T08:00:00Z\"}");
  }

  @Test
  void anImportIsWrittenWithItsCountsAndARefusalSaysWhy() {
    CatalogImport.Preview preview =
        new CatalogImport.Preview(
            List.of(
                new CatalogImport.PreviewRow(
                    2,
                    101,
                    "Training",
                    CatalogImport.Action.ERROR,
                    List.of(new FieldError("colour", Text.of("problem.rules", "colour is bad"))),
                    List.of())),
            null);
    String rows =
        "{\"applied\":false,\"fileError\":null,\"counts\":{\"create\":0,\"update\":0,"
            + "\"unchanged\":0,\"error\":1},\"rows\":[{\"line\":2,\"code\":101,\"label\":"
            + "\"Training\",\"action\":\"error\",\"errors\":[{\"field\":\"colour\",\"message\":"
            + "\"colour is bad\"}],\"warnings\":[]}]";
    assertThat(json(CatalogJson.Import.of(preview, false, Locale.ENGLISH))).isEqualTo(rows + "}");
    assertThat(json(CatalogJson.Import.refused(preview, Locale.ENGLISH, "1 row has errors")))
        .isEqualTo(rows + ",\"status\":400,\"error\":\"1 row has errors\"}");
  }

  @Test
  void everyAnswerFixesTheOrderOfAllItsMembers() {
    assertOrdered(CatalogJson.class, SelectionJson.class, AgentJson.class);
  }

  /** JSON-B writes members alphabetically unless told: every answer names all its own, in order. */
  static void assertOrdered(Class<?>... holders) {
    for (Class<?> holder : holders) {
      for (Class<?> answer : holder.getDeclaredClasses()) {
        if (!answer.isRecord() || answer.getRecordComponents().length < 2) {
          continue;
        }
        JsonbPropertyOrder order = answer.getAnnotation(JsonbPropertyOrder.class);
        assertThat(order).as(answer + " has @JsonbPropertyOrder").isNotNull();
        assertThat(order.value())
            .as(answer.getSimpleName())
            .containsExactly(
                Arrays.stream(answer.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toArray(String[]::new));
      }
    }
  }
}
