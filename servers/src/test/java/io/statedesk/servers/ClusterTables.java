package io.statedesk.servers;

import io.statedesk.testkit.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the consoles of a cluster wrote to their shared database about who holds and who called
 * which agent, read with plain JDBC: the tests check the cluster's own record, not a page about it.
 * Each answer maps a console id ({@code statedesk.console.id}) to agent ids.
 */
record ClusterTables(Postgres db) {

  /** The consoles holding at least one live shard lease (to each, the empty set: shards only). */
  Map<String, Set<Integer>> shardHolders() {
    return rows(
        "select m.console_id, null from cluster_lease l join cluster_member m"
            + " on m.instance_id = l.owner where l.name like 'shard-%' and l.held_until > now()",
        -1);
  }

  /** The agents whose gateway session each console holds now (the hold records). */
  Map<String, Set<Integer>> sessionHolders() {
    return rows("select console_id, agent_id from session_hold where held_until > now()", -1);
  }

  /**
   * The agents whose call for change {@code change} succeeded, by the console of the instance that
   * claimed the call ({@code bulk_outcome.owner}: only the instance holding the agent's session
   * claims it).
   */
  Map<String, Set<Integer>> callers(long change) {
    return rows(
        "select m.console_id, o.agent_id from bulk_outcome o join cluster_member m"
            + " on m.instance_id = o.owner where o.change_id = ? and o.status = 'SUCCEEDED'",
        change);
  }

  /**
   * Rows of (console, agent id or null), grouped; {@code change} is the parameter if {@code >= 0}.
   */
  private Map<String, Set<Integer>> rows(String query, long change) {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), Postgres.USER, "statedesk");
        PreparedStatement s = c.prepareStatement(query)) {
      if (change >= 0) {
        s.setLong(1, change);
      }
      Map<String, Set<Integer>> by = new TreeMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Set<Integer> agents = by.computeIfAbsent(r.getString(1), k -> new TreeSet<>());
          int agent = r.getInt(2);
          if (!r.wasNull()) {
            agents.add(agent);
          }
        }
      }
      return by;
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }
}
