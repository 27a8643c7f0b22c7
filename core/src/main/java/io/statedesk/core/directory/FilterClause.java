package io.statedesk.core.directory;

import io.statedesk.core.session.Availability;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JPQL where clause, with its parameters, that an {@link AgentFilter} means within a team
 * scope, over {@code DirectoryAgent a}.
 *
 * <p>Why a class of its own: every scoped query of the directory (a page, a count, the ids of a
 * selection, the charts' figures) shares this one rule, so it is written once; and as a plain value
 * it is tested without a database ({@code FilterClauseTest}).
 */
final class FilterClause {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private FilterClause() {}

  /** The clause for a caller who sees every team (admins): the filter's teams, if any, apply. */
  static FilterClause unscoped(AgentFilter filter) {
    return build(filter.teams(), filter);
  }

  /**
   * The clause for a caller responsible for {@code callerTeams}: the filter's teams narrow them,
   * never widen them.
   *
   * @return empty when no team is left, so there is nothing to see (and nothing to ask the
   *     database)
   */
  static Optional<FilterClause> within(Set<String> callerTeams, AgentFilter filter) {
    Set<String> scope = new HashSet<>(callerTeams);
    if (!filter.teams().isEmpty()) {
      scope.retainAll(filter.teams());
    }
    return scope.isEmpty() ? Optional.empty() : Optional.of(build(scope, filter));
  }

  private static FilterClause build(Set<String> teams, AgentFilter filter) {
    FilterClause clause = new FilterClause();
    if (!teams.isEmpty()) {
      clause.add("a.team in :teams", "teams", teams);
    }
    if (!filter.states().isEmpty()) {
      clause.add("a.gatewayState in :states", "states", filter.states());
    }
    clause.customState(filter.customState());
    clause.sessions(filter.sessions());
    clause.skills(filter.skill(), filter.skills());
    clause.text(filter.text());
    return clause;
  }

  /** {@code " where ..."}, or empty when nothing narrows the query. */
  String where() {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  /** {@link #where()} with one more condition, for a query that needs it anyway. */
  String whereAnd(String condition) {
    return conditions.isEmpty() ? " where " + condition : where() + " and " + condition;
  }

  /** The named parameters the clause uses, by name. */
  Map<String, Object> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  /** Binds the clause's parameters to {@code query}. */
  <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters.forEach(query::setParameter);
    return query;
  }

  private void add(String condition, String name, Object value) {
    conditions.add(condition);
    parameters.put(name, value);
  }

  private void customState(Integer customState) {
    if (customState == null) {
      return;
    }
    if (customState == AgentFilter.NO_CUSTOM_STATE) {
      conditions.add("a.customState is null");
    } else {
      add("a.customState = :custom", "custom", customState);
    }
  }

  /** Availabilities as stored; {@code NONE} is an agent without one (a null column). */
  private void sessions(Set<Availability> sessions) {
    if (sessions.isEmpty()) {
      return;
    }
    Set<Availability> named = EnumSet.copyOf(sessions);
    boolean none = named.remove(Availability.NONE);
    if (named.isEmpty()) {
      conditions.add("a.sessionAvailability is null");
    } else {
      add(
          none
              ? "(a.sessionAvailability in :sessions or a.sessionAvailability is null)"
              : "a.sessionAvailability in :sessions",
          "sessions",
          named);
    }
  }

  /**
   * Skills are stored comma-joined; a skill matches as a whole item, never as part of another
   * ({@code Chat} is not {@code Chat CN}).
   */
  private void skills(String skill, Set<String> anyOf) {
    if (skill != null && !skill.isBlank()) {
      add("concat(',', a.skills, ',') like :skill", "skill", "%," + escape(skill.strip()) + ",%");
    }
    if (anyOf.isEmpty()) {
      return;
    }
    List<String> any = new ArrayList<>();
    int i = 0;
    for (String each : new TreeSet<>(anyOf)) {
      any.add("concat(',', a.skills, ',') like :anySkill" + i);
      parameters.put("anySkill" + i++, "%," + escape(each.strip()) + ",%");
    }
    conditions.add("(" + String.join(" or ", any) + ")");
  }

  /** Free text: part of a name, or an agent id when it is one (up to six digits). */
  private void text(String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String stripped = text.strip();
    if (stripped.matches("\\d{1,6}")) {
      // digits have no case: the name is matched as it is stored, with no lower() on every row
      conditions.add("(a.agentId = :id or a.name like :text)");
      parameters.put("id", Integer.parseInt(stripped));
    } else {
      conditions.add("lower(a.name) like :text");
    }
    parameters.put("text", "%" + escape(stripped.toLowerCase(Locale.ROOT)) + "%");
  }

  /** Drops what {@code like} reads as a wildcard or an escape: typed text cannot widen a match. */
  private static String escape(String s) {
    return s.replace("%", "").replace("_", "").replace("\\", "");
  }
}
