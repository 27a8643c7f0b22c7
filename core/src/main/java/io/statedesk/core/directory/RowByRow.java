package io.statedesk.core.directory;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes agents' rows in one transaction, or, if that fails, one agent per transaction, and says
 * which could not be written, logging each of those once until it can be written again. Why: one
 * row that cannot be written (seen: an embedded H2 whose index a kill -9 had damaged, "Row not
 * found when trying to delete from index") failed whole batches, and every other agent in them then
 * showed what was no longer true.
 */
final class RowByRow {

  private final Logger log;
  private final String what;
  private final Set<Integer> unwritable = ConcurrentHashMap.newKeySet();

  /**
   * @param log where the unwritable rows are reported
   * @param what what is written, for the log ("session change")
   */
  RowByRow(Logger log, String what) {
    this.log = log;
    this.what = what;
  }

  /**
   * Applies {@code batch}, falling back to one agent at a time.
   *
   * @return the agents whose row could not be written, with their values
   */
  <V> Map<Integer, V> write(Map<Integer, V> batch, Consumer<Map<Integer, V>> apply) {
    if (batch.isEmpty()) {
      return Map.of();
    }
    try {
      apply.accept(batch);
      return Map.of();
    } catch (RuntimeException e) {
      log.log(Level.FINE, "Could not record " + batch.size() + " " + what + "s at once", e);
    }
    Map<Integer, V> failed = new HashMap<>();
    for (Map.Entry<Integer, V> one : batch.entrySet()) {
      try {
        apply.accept(Collections.singletonMap(one.getKey(), one.getValue()));
        unwritable.remove(one.getKey());
      } catch (RuntimeException e) {
        failed.put(one.getKey(), one.getValue());
        if (unwritable.add(one.getKey())) {
          log.log(
              Level.WARNING,
              "Could not record agent " + one.getKey() + "'s " + what + " in the directory",
              e);
        }
      }
    }
    return failed;
  }
}
