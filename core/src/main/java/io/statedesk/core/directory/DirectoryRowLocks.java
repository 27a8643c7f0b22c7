package io.statedesk.core.directory;

import io.statedesk.core.persistence.InLists;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one order in which a transaction takes the locks of several directory rows: ascending agent
 * id. Why: a sync or an import writes thousands of rows in one transaction while hosted sessions,
 * changes and read-backs write batches of the same rows in theirs; two transactions that lock two
 * rows in opposite orders wait for each other, and the database ends one of them (PostgreSQL's
 * "deadlock detected", H2's lock timeout). A session feed that had iterated its batch in hash order
 * against a sync in list order lost the sync on PostgreSQL (CI, session 10). When every writer
 * locks in ascending order, one waits for the other and both commit.
 */
final class DirectoryRowLocks {

  private DirectoryRowLocks() {}

  /**
   * Locks the directory rows of {@code ids} that exist, in ascending order, a thousand per
   * statement ({@code select ... order by ... for update}: the rows are sorted before they are
   * locked, on PostgreSQL and H2 alike), so that the statements of the caller's transaction that
   * follow (multi-row updates and deletes, whose own order the database picks) wait for no row.
   */
  static void lockAscending(EntityManager em, Collection<Integer> ids) {
    for (List<Integer> chunk : InLists.of(ids)) {
      StringBuilder in = new StringBuilder();
      for (int i = 1; i <= chunk.size(); i++) {
        in.append(i == 1 ? "?" : ", ?").append(i);
      }
      Query q =
          em.createNativeQuery(
              "select agent_id from directory_agent where agent_id in ("
                  + in
                  + ") order by agent_id for update");
      for (int i = 0; i < chunk.size(); i++) {
        q.setParameter(i + 1, chunk.get(i));
      }
      q.getResultList();
    }
  }

  /** {@code values} in ascending agent id order, for writers that update one row per statement. */
  static <V> Map<Integer, V> ascending(Map<Integer, V> values) {
    return values instanceof TreeMap<Integer, V> sorted && sorted.comparator() == null
        ? sorted
        : new TreeMap<>(values);
  }
}
