package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.ChangePage;
import io.statedesk.web.pages.ChangePage.UndoQuestion;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change page a supervisor reads after a change: counts that agree with the rows and filter
 * them, technical columns only on request, and an undo that both changes point to, after which no
 * second undo is offered.
 */
class ChangePageIT extends BrowserTest {

  /** Technical Support agents of alice: two with a hosted session, one (10062) without. */
  static final String AGENTS = "10050,10056,10062";

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  @Test
  void countsFilterTheRowsDetailsAreOnRequestAndAnUndoLinksBothWays() {
    String id = ApiCalls.aliceChanges(AGENTS, 100, "change page test");

    signIn("alice", "alice-demo");
    ChangePage change = openChange(id).awaitStatus("Completed with problems");
    assertThat(change.count("all")).isEqualTo("3");
    assertThat(change.count("succeeded")).isEqualTo("2");
    assertThat(change.count("noSession")).isEqualTo("1");
    // the rows say what the counts say (read once the last poll's re-rendering has settled)
    change.awaitOutcomes(List.of("no session", "succeeded", "succeeded"));

    screenshot("guide-change-page");
    assertThat(change.outcomeHead())
        .contains("Agent", "Name", "Outcome")
        .doesNotContain("Retcode", "Attempts");
    change.showDetails();
    assertThat(change.outcomeHead()).contains("Retcode", "Attempts");

    change.filterByCount("noSession").awaitOutcomes(List.of("no session"));
    assertThat(change.outcomeRows()).contains("10062");
    change.filterByCount("all").awaitOutcomeCount(3);

    UndoQuestion question = change.undo();
    assertThat(question.yes()).isEqualTo("Undo 2 agents");
    assertThat(question.message()).contains("the 2 agents");
    change.confirmUndo();
    String undo = change.id();
    change.awaitStatus("Completed");
    assertThat(change.links()).contains("Undo of change #" + id);
    assertThat(change.offersUndo()).as("an undo is not undone from its page").isFalse();

    ChangePage undone = openChange(id);
    assertThat(undone.links()).contains("Undone by change #" + undo);
    assertThat(undone.offersUndo()).as("no second undo once undone").isFalse();
    assertThat(ApiCalls.as("alice", "alice-demo", "GET", "/changes/" + id, null).body())
        .contains("\"undoneBy\":" + undo);

    assertThat(openChange("abc").missing()).contains("There is no such change");
  }
}
