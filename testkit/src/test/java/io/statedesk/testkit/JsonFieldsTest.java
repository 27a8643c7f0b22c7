package io.statedesk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
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
}
