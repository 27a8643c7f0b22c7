package io.statedesk.core.bulk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Counts the SQL statements the database ran, by their text: H2's query statistics ({@code SET
 * QUERY_STATISTICS TRUE}, {@code INFORMATION_SCHEMA.QUERY_STATISTICS}), which count every execution
 * of every statement of every connection. For the bulk ITs' statement budget (issue 20); H2 only,
 * PostgreSQL keeps no such count without an extension. Added to the deployment as a class.
 */
final class Statements {

  /** What a statement is part of, by the tables it names. */
  enum Kind {
    /**
     * Writing a new change: its row, its outcomes, their labels, its counters, sequences, the
     * desired states.
     */
    SUBMIT,
    /** The engine running it: claims, results, counters, checks, leases. */
    RUN,
    /** The directory rows a change's results set (package directory). */
    DIRECTORY,
    /** Anything else the console did meanwhile (sessions, heartbeats, audit, ...). */
    OTHER
  }

  private final DataSource data;

  Statements(DataSource data) {
    this.data = data;
  }

  /** Whether the database is H2 (the only one that counts its statements here). */
  boolean counted() throws SQLException {
    try (Connection c = data.getConnection()) {
      return c.getMetaData().getDatabaseProductName().equals("H2");
    }
  }

  /** Starts counting, for the whole database. */
  void start() throws SQLException {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
      st.execute("SET QUERY_STATISTICS TRUE");
    }
  }

  /** Executions so far, by statement text. */
  Map<String, Long> now() throws SQLException {
    Map<String, Long> n = new HashMap<>();
    try (Connection c = data.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                // RAND(): H2 reuses a query's last result while no data changed, and reads
                // change no data: without it, statements that only read would not show
                "SELECT SQL_STATEMENT, EXECUTION_COUNT, RAND()"
                    + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
      while (rs.next()) {
        n.put(rs.getString(1), rs.getLong(2));
      }
    }
    return n;
  }

  /**
   * The executions from {@code before} to {@code after}, by statement text, ignoring {@code own}.
   */
  static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after, String own) {
    Map<String, Long> d = new TreeMap<>();
    after.forEach(
        (sql, n) -> {
          long more = n - before.getOrDefault(sql, 0L);
          if (more > 0 && !sql.equals(own) && !sql.contains("QUERY_STATISTICS")) {
            d.put(sql, more);
          }
        });
    return d;
  }

  static Kind kind(String sql) {
    String s = sql.toLowerCase(Locale.ROOT);
    boolean bulk = s.contains("bulk_outcome") || s.contains("bulk_change");
    if (s.contains("bulk_outcome_seq")
        || s.contains("bulk_change_seq")
        || (bulk && s.startsWith("insert"))
        || s.contains("target_label =")
        || (s.contains("desired_layer") && !s.startsWith("select"))) {
      return Kind.SUBMIT;
    }
    if (bulk) {
      return Kind.RUN;
    }
    if (s.startsWith("update directory_agent") && s.contains("custom_state =")) {
      return Kind.DIRECTORY;
    }
    return Kind.OTHER;
  }

  /** The executions of each kind. */
  static Map<Kind, Long> byKind(Map<String, Long> executions) {
    Map<Kind, Long> n = new TreeMap<>();
    executions.forEach((sql, count) -> n.merge(kind(sql), count, Long::sum));
    return n;
  }
}
