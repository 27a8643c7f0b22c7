package io.statedesk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

  static final String CHANGE =
      "{\"id\":42,\"note\":\"\\\"succeeded\\\":9\",\"counts\":{\"total\":3,\"succeeded\":2},"
          + "\"outcomes\":[{\"agentId\":10001,\"status\":\"SUCCEEDED\"}],"
          + "\"startedAt\":\"2026-12-03T20:00:00Z\"}";

  @Test
  void findsTheFirstFieldOfTheTypeAtAnyDepthNotTextInsideAString() {
    assertEquals(42, JsonFields.number(CHANGE, "id"));
    assertEquals(2, JsonFields.number(CHANGE, "succeeded"));
    assertEquals(10001, JsonFields.number(CHANGE, "agentId"));
    assertEquals("SUCCEEDED", JsonFields.text(CHANGE, "status"));
    assertEquals(Instant.parse("2026-12-03T20:00:00Z"), JsonFields.instant(CHANGE, "startedAt"));
    assertEquals(0, JsonFields.number(CHANGE, "failed", 0));
  }

  @Test
  void aMissingFieldOrAnAnswerThatIsNotJsonFailsTheTest() {
    assertThrows(AssertionError.class, () -> JsonFields.number(CHANGE, "failed"));
    assertThrows(AssertionError.class, () -> JsonFields.number(CHANGE, "status"));
    assertThrows(AssertionError.class, () -> JsonFields.text("<html>", "status"));
  }

  @Test
  void readsEveryFieldOfANameAnArrayOfNumbersAndTheObjectsThatHaveAField() {
    String calls =
        "[{\"seq\":1,\"agentId\":10001,\"query\":\"customstate=7\"},"
            + "{\"seq\":2,\"agentId\":10007,\"note\":\"\\\"seq\\\":9\"}]";
    assertEquals(List.of(1L, 2L), JsonFields.numbers(calls, "seq"));
    assertEquals(List.of(), JsonFields.numbers(calls, "id"));
    assertEquals(
        List.of(10001L, 10007L), JsonFields.numberArray("{\"agents\":[10001,10007]}", "agents"));
    assertEquals(List.of(), JsonFields.numberArray("{\"agents\":[]}", "agents"));
    List<String> rows = JsonFields.objects(calls, "query");
    assertEquals(1, rows.size());
    assertEquals(10001, JsonFields.number(rows.get(0), "agentId"));
    assertEquals(
        2, JsonFields.objects(CHANGE, "status").size() + JsonFields.objects(CHANGE, "id").size());
    assertEquals("none", JsonFields.text(CHANGE, "next", "none"));
    assertEquals(true, JsonFields.flag("{\"self\":true}", "self"));
    assertEquals(false, JsonFields.flag("{\"a\":{\"self\":false},\"self\":true}", "self"));
    assertThrows(AssertionError.class, () -> JsonFields.flag(CHANGE, "id"));
  }
}
