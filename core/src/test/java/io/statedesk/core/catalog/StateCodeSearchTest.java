package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateCodeSearchTest {

  /** The parameters {@link StateCodeSearch#bind} sets, by name. */
  static Map<String, Object> bound(String text, Boolean activeOnly) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    TypedQuery<?> query =
        (TypedQuery<?>)
            Proxy.newProxyInstance(
                StateCodeSearchTest.class.getClassLoader(),
                new Class<?>[] {TypedQuery.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setParameter") && args[0] instanceof String name) {
                    parameters.put(name, args[1]);
                    return proxy;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    StateCodeSearch.bind(query, text, activeOnly);
    return parameters;
  }

  @Test
  void noTextAndNoFilterMeansNoWhereClause() {
    assertThat(StateCodeSearch.where(null, null)).isEmpty();
    assertThat(StateCodeSearch.where("  ", null)).isEmpty();
    assertThat(bound(" ", null)).isEmpty();
  }

  @Test
  void textMatchesLabelAndCategoryAndANumberAlsoTheCode() {
    assertThat(StateCodeSearch.where("train", true))
        .isEqualTo(
            " where (lower(s.label) like :text or lower(s.category) like :text)"
                + " and s.active = :active");
    assertThat(bound("Train", true)).containsEntry("text", "%train%").containsEntry("active", true);
    assertThat(StateCodeSearch.where(" 120 ", null)).contains(" or s.code = :code");
    assertThat(bound(" 120 ", null)).containsEntry("text", "%120%").containsEntry("code", 120);
    assertThat(StateCodeSearch.where("123456", null)).doesNotContain(":code");
  }

  @Test
  void likeWildcardsInTheTextAreDropped() {
    assertThat(bound("50%_of\\it", null)).containsEntry("text", "%50ofit%");
  }

  @Test
  void theSortColumnIsOneOfTheKnownOnesThenTheCode() {
    assertThat(StateCodeSearch.orderBy("label", true))
        .isEqualTo(" order by s.label asc, s.code asc");
    assertThat(StateCodeSearch.orderBy("code", false)).isEqualTo(" order by s.code desc");
    assertThat(StateCodeSearch.orderBy("s.id; drop table", true))
        .isEqualTo(" order by s.sortOrder asc, s.code asc");
    assertThat(StateCodeSearch.orderBy(null, false))
        .isEqualTo(" order by s.sortOrder desc, s.code asc");
  }
}
