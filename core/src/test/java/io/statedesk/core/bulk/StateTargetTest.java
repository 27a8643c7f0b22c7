package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.gateway.CustomState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateTargetTest {

  @Test
  void aRequestNamesACodeOrClearNeverBothNorNeither() {
    assertThat(StateTarget.of(101, false)).isEqualTo(new StateTarget.SetTo(new CustomState(101)));
    assertThat(StateTarget.of(null, true)).isEqualTo(StateTarget.clear());
    assertThatThrownBy(() -> StateTarget.of(101, true))
        .isInstanceOfSatisfying(
            InvalidChangeException.class,
            e -> {
              assertThat(e.field()).isEqualTo("code");
              assertThat(e.text().key()).isEqualTo("bulk.code.both");
            });
    assertThatThrownBy(() -> StateTarget.of(null, false))
        .isInstanceOfSatisfying(
            InvalidChangeException.class,
            e -> assertThat(e.text().key()).isEqualTo("bulk.code.none"));
  }

  @Test
  void aCodeOutsideTheGatewaysRangeIsRefusedWithTheCodeAndTheRange() {
    assertThat(StateTarget.set(0).code()).contains(new CustomState(0));
    assertThat(StateTarget.set(65_534).code()).contains(new CustomState(65_534));
    for (int bad : new int[] {-1, 65_535}) {
      assertThatThrownBy(() -> StateTarget.set(bad))
          .isInstanceOfSatisfying(
              InvalidChangeException.class,
              e -> {
                assertThat(e.field()).isEqualTo("code");
                assertThat(e.text().key()).isEqualTo("bulk.code.range");
                assertThat(e.text().args()).containsExactly(Integer.toString(bad), "0..65534");
              });
    }
  }

  @Test
  void whatATargetDoesAndHowItIsStored() {
    StateTarget set = StateTarget.set(4242);
    assertThat(set.action()).isEqualTo(ChangeAction.SET);
    assertThat(set.column()).isEqualTo(4242);
    StateTarget clear = StateTarget.clear();
    assertThat(clear.action()).isEqualTo(ChangeAction.CLEAR);
    assertThat(clear.code()).isEmpty();
    assertThat(clear.column()).isNull();
  }

  @Test
  void aRequestAlwaysHasATarget() {
    assertThatThrownBy(() -> new ChangeRequest(List.of(10001), null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ChangeRequest.set(List.of(10001), 7).target()).isEqualTo(StateTarget.set(7));
  }
}
