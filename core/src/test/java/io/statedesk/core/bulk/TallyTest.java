package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The counters' arithmetic without a server: whatever moves the outcome rows go through, the
 * amounts {@link OutcomeRecorder} and {@link OutcomeClaims} add (the rows' parts after less before)
 * equal the counts read from the rows as the aggregate defines them.
 */
class TallyTest {

  @Test
  void aCreatedChangeCountsItsPlannedStatuses() {
    Tally t = new Tally();
    for (OutcomeStatus s :
        List.of(
            OutcomeStatus.PENDING,
            OutcomeStatus.PENDING,
            OutcomeStatus.SKIPPED,
            OutcomeStatus.NO_SESSION,
            OutcomeStatus.SUCCEEDED)) {
      t.add(Tally.Row.created(s));
    }
    assertThat(t.counts()).isEqualTo(new Counts(2, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0));
  }

  @Test
  void aResultMovesInFlightToItsStatusAndCountsWhatItRecords() {
    Tally t = new Tally();
    Tally.Row inFlight = new Tally.Row(OutcomeStatus.IN_FLIGHT, false, false, 0);
    t.move(inFlight, new Tally.Row(OutcomeStatus.SUCCEEDED, true, false, 0));
    t.move(inFlight, new Tally.Row(OutcomeStatus.FAILED, false, false, 0));
    // a drifted row that succeeds counts as succeeded, not as held
    t.move(
        new Tally.Row(OutcomeStatus.IN_FLIGHT, false, true, 0),
        new Tally.Row(OutcomeStatus.SUCCEEDED, false, true, 0));
    assertThat(t.counts()).isEqualTo(new Counts(0, -3, 2, 1, 1, 0, 0, 0, 1, 0, 0));
  }

  @Test
  void aStatusAloneMovesOnlyTheTwoStatusCounters() {
    Tally t = new Tally().moveStatus(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT, 40);
    t.moveStatus(OutcomeStatus.PENDING, OutcomeStatus.CANCELLED, 7);
    assertThat(t.counts()).isEqualTo(new Counts(-47, 40, 0, 0, 0, 0, 0, 7, 0, 0, 0));
    assertThat(new Tally().moveStatus(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT, 0).isZero())
        .isTrue();
    // whether a succeeded row is held depends on the row: a bare status move cannot say
    assertThatThrownBy(
            () -> new Tally().moveStatus(OutcomeStatus.PENDING, OutcomeStatus.SUCCEEDED, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reapplyingCountsAnOutcomeOnceAndDriftMovesHeld() {
    Tally.Row held = new Tally.Row(OutcomeStatus.SUCCEEDED, true, false, 0);
    Tally.Row once = new Tally.Row(OutcomeStatus.SUCCEEDED, true, false, 1);
    Tally.Row twice = new Tally.Row(OutcomeStatus.SUCCEEDED, true, false, 2);
    assertThat(new Tally().move(held, once).counts())
        .isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0));
    assertThat(new Tally().move(once, twice).isZero()).isTrue();
    Tally.Row drifted = new Tally.Row(OutcomeStatus.SUCCEEDED, true, true, 0);
    assertThat(new Tally().move(held, drifted).counts())
        .isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 1));
    Tally.Row failed = new Tally.Row(OutcomeStatus.FAILED, false, false, 0);
    assertThat(
            new Tally().move(failed, new Tally.Row(OutcomeStatus.FAILED, false, true, 0)).counts())
        .isEqualTo(new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
  }

  /**
   * Random runs of every move the store makes (claim, back to pending, result, cancel, re-apply,
   * drift), each counted as the store counts it, against the rows counted afresh.
   */
  @Test
  void anyRunOfMovesKeepsTheCountersEqualToTheRows() {
    Random random = new Random(20);
    for (int run = 0; run < 200; run++) {
      List<Tally.Row> rows = new ArrayList<>();
      Tally counters = new Tally();
      OutcomeStatus[] planned = {
        OutcomeStatus.PENDING,
        OutcomeStatus.PENDING,
        OutcomeStatus.SKIPPED,
        OutcomeStatus.NO_SESSION
      };
      for (int i = 0; i < 30; i++) {
        Tally.Row r = Tally.Row.created(planned[random.nextInt(planned.length)]);
        rows.add(r);
        counters.add(r);
      }
      for (int step = 0; step < 300; step++) {
        int i = random.nextInt(rows.size());
        Tally.Row before = rows.get(i);
        int kind = random.nextInt(4);
        Tally.Row after = next(kind, before, random);
        if (after == null) {
          continue;
        }
        if (kind == 0) { // claim, back to pending, cancel: counted by their row counts alone
          counters.moveStatus(before.status(), after.status(), 1);
        } else { // a result, a re-application, a drift: counted from the locked row
          counters.move(before, after);
        }
        rows.set(i, after);
      }
      assertThat(counters.counts()).as("run %d", run).isEqualTo(aggregate(rows));
    }
  }

  /** A move of {@code kind} the store could make from {@code row}, or null. */
  private static Tally.Row next(int kind, Tally.Row row, Random random) {
    return switch (kind) {
      case 0 ->
          switch (row.status()) { // the engine's own moves
            case PENDING ->
                row.withStatus(
                    random.nextBoolean() ? OutcomeStatus.IN_FLIGHT : OutcomeStatus.CANCELLED);
            case IN_FLIGHT -> random.nextInt(4) == 0 ? row.withStatus(OutcomeStatus.PENDING) : null;
            default -> null;
          };
      case 1 ->
          row.status() == OutcomeStatus.IN_FLIGHT // a result
              ? new Tally.Row(
                  OutcomeStatus.values()[2 + random.nextInt(OutcomeStatus.values().length - 2)],
                  random.nextBoolean(),
                  row.drifted(),
                  row.reapplied())
              : null;
      case 2 -> new Tally.Row(row.status(), row.verified(), row.drifted(), row.reapplied() + 1);
      default -> new Tally.Row(row.status(), row.verified(), random.nextBoolean(), row.reapplied());
    };
  }

  /** The counts as the aggregate over the outcome rows defines them. */
  private static Counts aggregate(List<Tally.Row> rows) {
    long[] by = new long[OutcomeStatus.values().length];
    rows.forEach(r -> by[r.status().ordinal()]++);
    return new Counts(
        by[OutcomeStatus.PENDING.ordinal()],
        by[OutcomeStatus.IN_FLIGHT.ordinal()],
        by[OutcomeStatus.SUCCEEDED.ordinal()],
        rows.stream().filter(Tally.Row::verified).count(),
        by[OutcomeStatus.FAILED.ordinal()],
        by[OutcomeStatus.NO_SESSION.ordinal()],
        by[OutcomeStatus.SKIPPED.ordinal()],
        by[OutcomeStatus.CANCELLED.ordinal()],
        rows.stream().filter(r -> r.status() == OutcomeStatus.SUCCEEDED && !r.drifted()).count(),
        rows.stream().filter(r -> r.reapplied() > 0).count(),
        rows.stream().filter(Tally.Row::drifted).count());
  }
}
