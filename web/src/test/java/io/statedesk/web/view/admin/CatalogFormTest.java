package io.statedesk.web.view.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.catalog.StateCodeData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogFormTest {

  @Test
  void mapsTheTypedFieldsToWhatCoreValidates() {
    CatalogForm form = new CatalogForm();
    form.setCode(42);
    form.setLabel("Lunch");
    form.setLabelZh("午餐");
    form.setTeamList(List.of("Sales", "Billing"));

    StateCodeData data = form.toData();

    assertThat(data.code()).isEqualTo(42);
    assertThat(data.labels()).isEqualTo(Map.of("zh-CN", "午餐"));
    assertThat(data.teams()).containsExactly("Billing", "Sales");
    assertThat(data.colour()).isEqualTo("#1f6feb");
    assertThat(data.active()).isTrue();
  }

  @Test
  void aMissingCodeOrSortOrderBecomesWhatCoreRefusesOrDefaults() {
    CatalogForm form = new CatalogForm();
    form.setSortOrder(null);
    form.setTeams(" , ");

    StateCodeData data = form.toData();

    assertThat(data.code()).isEqualTo(-1);
    assertThat(data.sortOrder()).isZero();
    assertThat(data.teams()).isEmpty();
    assertThat(form.getTeamList()).isEmpty();
  }
}
