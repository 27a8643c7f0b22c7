package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.catalog.CatalogTransfer.Parsed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {

  @Test
  void aBareArrayIsReadLikeTheExportedObject() {
    Parsed parsed = CatalogJson.read("[{\"code\":5,\"label\":\"Five\",\"colour\":\"#000000\"}]");
    assertThat(parsed.fileError()).isNull();
    assertThat(parsed.rows().get(0).data())
        .isEqualTo(
            new StateCodeData(5, "Five", null, "#000000", null, 0, true, Map.of(), Set.of()));
  }

  @Test
  void wrongTypesAreReportedPerFieldAndPosition() {
    Parsed parsed =
        CatalogJson.read(
            "{\"stateCodes\":[7,{\"code\":\"x\",\"sortOrder\":\"1\",\"active\":\"yes\","
                + "\"labels\":{\"en\":1},\"teams\":[2]}]}");
    assertThat(parsed.rows()).hasSize(2);
    assertThat(parsed.rows().get(0).line()).isEqualTo(1);
    assertThat(parsed.rows().get(0).errors())
        .extracting(FieldError::field)
        .containsExactly("entry");
    assertThat(parsed.rows().get(1).line()).isEqualTo(2);
    assertThat(parsed.rows().get(1).data()).isNull();
    assertThat(parsed.rows().get(1).errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("code", "sortOrder", "active", "labels.en", "teams");
  }

  @Test
  void anEmptyListIsAFileError() {
    assertThat(CatalogJson.read("{\"stateCodes\":[]}").fileError()).isNotNull();
    assertThat(CatalogJson.read("[]").fileError()).isNotNull();
  }

  @Test
  void writtenJsonKeepsNullsExplicit() {
    StateCodeData d =
        new StateCodeData(7, "Old", null, "#000000", null, 0, false, Map.of(), Set.of());
    assertThat(CatalogJson.write(List.of(d)))
        .startsWith("{\"stateCodes\":[{\"code\":7,")
        .contains("\"description\":null")
        .contains("\"category\":null");
  }
}
