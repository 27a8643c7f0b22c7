package io.statedesk.core.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.selection.SelectionExceptions.InvalidSelectionException;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SelectionRulesTest {

  @Test
  void aNameIsStrippedAndBoundedAndHoldsNoControlCharacters() {
    assertThat(SelectionRules.name("  Monday meeting ")).isEqualTo("Monday meeting");
    assertThat(SelectionRules.name("x".repeat(80))).hasSize(80);
    assertThatThrownBy(() -> SelectionRules.name("   "))
        .isInstanceOf(InvalidSelectionException.class)
        .hasMessage("Give the selection a name");
    assertThatThrownBy(() -> SelectionRules.name(null))
        .isInstanceOf(InvalidSelectionException.class);
    assertThatThrownBy(() -> SelectionRules.name("x".repeat(81)))
        .hasMessageContaining("at most 80 characters (81 given)")
        .satisfies(e -> assertThat(((InvalidSelectionException) e).field()).isEqualTo("name"))
        .satisfies(
            e -> assertThat(((InvalidSelectionException) e).kind()).isEqualTo(ProblemKind.INVALID));
    assertThatThrownBy(() -> SelectionRules.name("two\nlines"))
        .hasMessageContaining("no line breaks");
  }

  @Test
  void namesClashWhateverTheirCase() {
    assertThat(SelectionRules.nameKey("Monday Meeting"))
        .isEqualTo(SelectionRules.nameKey(" monday meeting"));
    assertThat(SelectionRules.nameKey("Monday")).isNotEqualTo(SelectionRules.nameKey("Tuesday"));
  }

  @Test
  void theOwnerTheTeamItIsSharedWithAndAdminsSeeIt() {
    Set<String> billing = Set.of("Billing");
    assertThat(SelectionRules.visible("alice", null, "alice", Set.of(), false)).isTrue();
    assertThat(SelectionRules.visible("alice", null, "bob", billing, false))
        .as("private: not even a teammate")
        .isFalse();
    assertThat(SelectionRules.visible("alice", "Billing", "bob", billing, false)).isTrue();
    assertThat(SelectionRules.visible("alice", "Billing", "carol", Set.of("Sales"), false))
        .as("shared with another team")
        .isFalse();
    assertThat(SelectionRules.visible("alice", null, "admin", Set.of(), true)).isTrue();
  }

  @Test
  void onlyTheOwnerOrAnAdminChangesIt() {
    assertThat(SelectionRules.editable("alice", "alice", false)).isTrue();
    assertThat(SelectionRules.editable("alice", "bob", false)).isFalse();
    assertThat(SelectionRules.editable("alice", "admin", true)).isTrue();
  }

  @Test
  void sharedOnlyWithOneOfTheUsersTeams() {
    List<String> mine = List.of("Billing", "Technical Support");
    assertThat(SelectionRules.sharedTeam(" ", mine)).isNull();
    assertThat(SelectionRules.sharedTeam(null, mine)).isNull();
    assertThat(SelectionRules.sharedTeam(" Billing ", mine)).isEqualTo("Billing");
    assertThatThrownBy(() -> SelectionRules.sharedTeam("Sales", mine))
        .isInstanceOf(InvalidSelectionException.class)
        .hasMessage(
            "A selection can be shared only with one of your teams (Billing, Technical Support),"
                + " not 'Sales'");
  }

  @Test
  void aFixedSelectionHoldsOneToFiftyThousandAgents() {
    SelectionRules.agents(List.of(10001));
    assertThatThrownBy(() -> SelectionRules.agents(List.of()))
        .hasMessage("Pick at least one agent to save");
    List<Integer> many = IntStream.rangeClosed(1, 50_001).boxed().toList();
    assertThatThrownBy(() -> SelectionRules.agents(many))
        .hasMessageContaining("at most 50000 agents (50001 given)");
  }
}
