package io.statedesk.core.bulk;

import java.util.Arrays;

/**
 * Amounts to add to a change's counters ({@link ChangeCounters}), one per column of {@code
 * bulk_change_count}, in the order of {@link Counts}' components. An outcome row counts once in its
 * status's column, and once more in each of verified, held (succeeded and not drifted), reapplied
 * (at least once) and drifted that holds for it; a write that moves the row adds what the row
 * counts after it less what it counted before ({@link #move}). So every counter is, by
 * construction, what the aggregate over the outcomes would say.
 */
final class Tally {

  /** The counters, in the order of {@link Counts}' components; each names its column. */
  enum Counter {
    PENDING("pending"),
    IN_FLIGHT("in_flight"),
    SUCCEEDED("succeeded"),
    VERIFIED("verified"),
    FAILED("failed"),
    NO_SESSION("no_session"),
    SKIPPED("skipped"),
    CANCELLED("cancelled"),
    HELD("held"),
    REAPPLIED("reapplied"),
    DRIFTED("drifted");

    final String column;

    Counter(String column) {
      this.column = column;
    }

    static Counter of(OutcomeStatus status) {
      return switch (status) {
        case PENDING -> PENDING;
        case IN_FLIGHT -> IN_FLIGHT;
        case SUCCEEDED -> SUCCEEDED;
        case FAILED -> FAILED;
        case NO_SESSION -> NO_SESSION;
        case SKIPPED -> SKIPPED;
        case CANCELLED -> CANCELLED;
      };
    }
  }

  /** What one outcome row is made of, as far as the counters are concerned. */
  record Row(OutcomeStatus status, boolean verified, boolean drifted, int reapplied) {

    /** A row as {@link BulkStore#create} writes it. */
    static Row created(OutcomeStatus status) {
      return new Row(status, false, false, 0);
    }

    Row withStatus(OutcomeStatus to) {
      return new Row(to, verified, drifted, reapplied);
    }
  }

  private final long[] n = new long[Counter.values().length];

  /** Amounts in {@link Counter} order. */
  static Tally of(long[] values) {
    if (values.length != Counter.values().length) {
      throw new IllegalArgumentException("one value per counter: " + values.length);
    }
    Tally t = new Tally();
    System.arraycopy(values, 0, t.n, 0, values.length);
    return t;
  }

  /** Counts {@code row} (a row written). */
  Tally add(Row row) {
    return add(row, 1);
  }

  /** Counts {@code count} rows moved from {@code before} to {@code after}. */
  Tally move(Row before, Row after, long count) {
    add(before, -count);
    return add(after, count);
  }

  /** Counts one row moved from {@code before} to {@code after}. */
  Tally move(Row before, Row after) {
    return move(before, after, 1);
  }

  /**
   * Counts {@code count} rows whose status alone moved, from {@code from} to {@code to}: exact
   * whatever their flags, unless one side is {@link OutcomeStatus#SUCCEEDED}, where "held" depends
   * on each row's drifted flag (read the rows and use {@link #move(Row, Row)} then).
   */
  Tally moveStatus(OutcomeStatus from, OutcomeStatus to, long count) {
    if (from == OutcomeStatus.SUCCEEDED || to == OutcomeStatus.SUCCEEDED) {
      throw new IllegalArgumentException("held depends on each row: read the rows to move them");
    }
    n[Counter.of(from).ordinal()] -= count;
    n[Counter.of(to).ordinal()] += count;
    return this;
  }

  private Tally add(Row row, long count) {
    n[Counter.of(row.status()).ordinal()] += count;
    if (row.verified()) {
      n[Counter.VERIFIED.ordinal()] += count;
    }
    if (row.status() == OutcomeStatus.SUCCEEDED && !row.drifted()) {
      n[Counter.HELD.ordinal()] += count;
    }
    if (row.reapplied() > 0) {
      n[Counter.REAPPLIED.ordinal()] += count;
    }
    if (row.drifted()) {
      n[Counter.DRIFTED.ordinal()] += count;
    }
    return this;
  }

  long get(Counter counter) {
    return n[counter.ordinal()];
  }

  /** Whether adding this would change nothing (no statement is needed). */
  boolean isZero() {
    return Arrays.stream(n).allMatch(v -> v == 0);
  }

  /** These amounts as counts (meaningful when the tally started from nothing). */
  Counts counts() {
    return counts(n);
  }

  /** Counts from values in {@link Counter} order. */
  static Counts counts(long[] v) {
    return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
  }

  @Override
  public String toString() {
    return Arrays.toString(n);
  }
}
