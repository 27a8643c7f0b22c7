package io.statedesk.core.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Ids split for {@code in :ids} parameters of at most a thousand. Why a limit: databases and JDBC
 * drivers cap bind parameters or plan long lists badly (Oracle refuses more than 1,000;
 * PostgreSQL's protocol allows 32,767 in all), and a thousand keeps every statement small on each
 * of them.
 */
public final class InLists {

  /** The most ids one statement binds. */
  public static final int MAX = 1000;

  private InLists() {}

  /** The distinct ids in ascending order, a thousand at most per list. */
  public static List<List<Integer>> of(Collection<Integer> ids) {
    List<Integer> all = new ArrayList<>(new TreeSet<>(ids));
    List<List<Integer>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX) {
      chunks.add(all.subList(from, Math.min(all.size(), from + MAX)));
    }
    return chunks;
  }
}
