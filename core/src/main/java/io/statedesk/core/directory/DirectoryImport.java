package io.statedesk.core.directory;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.persistence.InLists;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads whole lists of agents into the directory, each in one transaction: a gateway sync ({@link
 * #replaceFromGateway}, which also removes the agents the gateway no longer lists) or an admin's
 * CSV file ({@link #importCsv}, all rows or none), and says beforehand what a file would do ({@link
 * #previewCsv}). Why together: both write the same fields of an agent the same way, keeping the
 * custom state and the session availability that other writers own.
 *
 * <p>Every write here names its columns (a JPQL update), never a whole loaded row. Why: Hibernate
 * (WildFly) writes every column of a changed entity, so a sync that had loaded an agent wrote back
 * the custom state it had read, over the one a change recorded meanwhile, and the planner then
 * skipped the agent as "already in that state". EclipseLink writes only changed columns; the
 * statements here behave the same on both.
 */
@ApplicationScoped
public class DirectoryImport {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Event<DirectoryRowsAdded> rowsAdded;
  @Inject Event<AgentsChanged> agentsChanged;
  @Inject Caller caller;
  @Inject AuditLog audit;

  /**
   * Replaces the gateway-sourced part of the directory with {@code entries}, in one transaction:
   * new agents are added, known ones updated (their custom state kept), vanished ones removed.
   *
   * @return how many agents were added, updated and removed
   */
  @Transactional
  public SyncResult replaceFromGateway(List<DirectoryEntry> entries, String actor) {
    Instant now = Instant.now();
    Map<Integer, Listed> existing = new HashMap<>();
    for (Object[] row :
        em.createQuery(Listed.SELECT + " where a.source = :s", Object[].class)
            .setParameter("s", DirectoryAgent.Source.GATEWAY)
            .getResultList()) {
      Listed listed = Listed.of(row);
      existing.put(listed.agentId(), listed);
    }
    // every row this sync may update, stamp or delete, locked first in the one order
    DirectoryRowLocks.lockAscending(em, existing.keySet());
    Set<Integer> addedIds = new HashSet<>();
    List<Integer> refreshed = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (DirectoryEntry entry : entries) {
      if (!seen.add(entry.agentId())) {
        continue;
      }
      Listed known = existing.remove(entry.agentId());
      if (known != null) {
        refresh(known, entry);
        refreshed.add(entry.agentId());
      } else if (em.find(DirectoryAgent.class, entry.agentId()) == null) {
        em.persist(new DirectoryAgent(entry, DirectoryAgent.Source.GATEWAY, now));
        addedIds.add(entry.agentId());
      }
    }
    for (List<Integer> gone : InLists.of(existing.keySet())) {
      em.createQuery("delete from DirectoryAgent a where a.agentId in :ids")
          .setParameter("ids", gone)
          .executeUpdate();
    }
    stampSynced(refreshed, now);
    SyncResult result = new SyncResult(addedIds.size(), refreshed.size(), existing.size());
    audit.record(actor, AuditAction.DIRECTORY_SYNCED, "agent directory", result.describe(), null);
    announceAdded(addedIds);
    Set<Integer> touched = new HashSet<>(seen);
    touched.addAll(existing.keySet());
    agentsChanged.fire(new AgentsChanged(touched));
    return result;
  }

  /**
   * Imports agents from a CSV file (admins): all rows or, if any row is wrong, none.
   *
   * @throws DirectoryImportException listing every bad row by line
   */
  @Transactional
  public SyncResult importCsv(byte[] content) {
    caller.require(Role.ADMIN);
    DirectoryCsv.Parsed parsed = DirectoryCsv.parse(content);
    if (!parsed.problems().isEmpty()) {
      throw new DirectoryImportException(parsed.problems());
    }
    Instant now = Instant.now();
    Set<Integer> addedIds = new HashSet<>();
    List<Integer> refreshed = new ArrayList<>();
    Map<Integer, Listed> known =
        listed(parsed.entries().stream().map(DirectoryEntry::agentId).toList());
    DirectoryRowLocks.lockAscending(em, known.keySet()); // before any update, in the one order
    for (DirectoryEntry entry : parsed.entries()) {
      Listed existing = known.get(entry.agentId());
      if (existing == null) {
        em.persist(new DirectoryAgent(entry, DirectoryAgent.Source.IMPORT, now));
        addedIds.add(entry.agentId());
      } else {
        refresh(existing, entry);
        refreshed.add(entry.agentId());
      }
    }
    stampSynced(refreshed, now);
    SyncResult result = new SyncResult(addedIds.size(), refreshed.size(), 0);
    audit.record(
        caller.name(), AuditAction.DIRECTORY_IMPORTED, "agent directory", result.describe(), null);
    announceAdded(addedIds);
    return result;
  }

  /**
   * Reads a CSV file as {@link #importCsv} would and says what importing it would do (admins);
   * changes nothing.
   */
  public ImportPreview previewCsv(byte[] content) {
    caller.require(Role.ADMIN);
    DirectoryCsv.Parsed parsed = DirectoryCsv.parse(content);
    if (!parsed.problems().isEmpty()) {
      return new ImportPreview(parsed.problems(), 0, 0, List.of());
    }
    Set<Integer> ids = new HashSet<>();
    Set<String> fileTeams = new TreeSet<>();
    for (DirectoryEntry entry : parsed.entries()) {
      ids.add(entry.agentId());
      fileTeams.add(entry.team());
    }
    int known = 0;
    for (List<Integer> chunk : InLists.of(ids)) {
      known +=
          em.createQuery(
                  "select count(a) from DirectoryAgent a where a.agentId in :ids", Long.class)
              .setParameter("ids", chunk)
              .getSingleResult()
              .intValue();
    }
    return new ImportPreview(List.of(), ids.size() - known, known, new ArrayList<>(fileTeams));
  }

  /**
   * The fields a sync or an import writes, of one agent as stored: read as values, not entities, so
   * that the statements after them have no loaded rows to keep in step (EclipseLink matched each
   * update against every loaded agent: a second sync of 50,000 took minutes).
   */
  private record Listed(
      int agentId,
      String name,
      String team,
      String skills,
      GatewayState gatewayState,
      String phone,
      Availability sessionAvailability) {

    static final String SELECT =
        "select a.agentId, a.name, a.team, a.skills, a.gatewayState, a.phone,"
            + " a.sessionAvailability from DirectoryAgent a";

    /** The console holds a live session of the agent, so the agent is signed in. */
    boolean live() {
      return sessionAvailability != null && sessionAvailability.isLive();
    }

    static Listed of(Object[] row) {
      return new Listed(
          ((Number) row[0]).intValue(),
          (String) row[1],
          (String) row[2],
          (String) row[3],
          (GatewayState) row[4],
          (String) row[5],
          (Availability) row[6]);
    }
  }

  /** The stored fields of those of {@code ids} that are in the directory. */
  private Map<Integer, Listed> listed(List<Integer> ids) {
    Map<Integer, Listed> found = new HashMap<>();
    for (List<Integer> chunk : InLists.of(ids)) {
      for (Object[] row :
          em.createQuery(Listed.SELECT + " where a.agentId in :ids", Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        Listed listed = Listed.of(row);
        found.put(listed.agentId(), listed);
      }
    }
    return found;
  }

  /** Writes the listed fields of a known agent that the entry changes (none: no statement). */
  private void refresh(Listed known, DirectoryEntry entry) {
    String skills = entry.skills().isEmpty() ? null : String.join(",", entry.skills());
    // an import knows no state: keep the one the gateway reported
    GatewayState state =
        entry.gatewayState() != GatewayState.UNKNOWN || known.gatewayState() == null
            ? entry.gatewayState()
            : known.gatewayState();
    // a sync reads the gateway over seconds: an agent the console signed in meanwhile (after a
    // restart) was read signed out; its live session says otherwise (DirectoryStates)
    if (state == GatewayState.SIGNED_OUT && known.live()) {
      state = GatewayState.SIGNED_IN;
    }
    if (Objects.equals(known.name(), entry.name())
        && Objects.equals(known.team(), entry.team())
        && Objects.equals(known.skills(), skills)
        && known.gatewayState() == state
        && Objects.equals(known.phone(), entry.phone())) {
      return;
    }
    em.createQuery(
            "update DirectoryAgent a set a.name = :n, a.team = :t, a.skills = :s,"
                + " a.gatewayState = :g, a.phone = :p where a.agentId = :id")
        .setParameter("n", entry.name())
        .setParameter("t", entry.team())
        .setParameter("s", skills)
        .setParameter("g", state)
        .setParameter("p", entry.phone())
        .setParameter("id", entry.agentId())
        .executeUpdate();
  }

  /** Stamps the agents a sync or an import listed, a thousand per statement. */
  private void stampSynced(List<Integer> ids, Instant now) {
    for (List<Integer> chunk : InLists.of(ids)) {
      em.createQuery("update DirectoryAgent a set a.syncedAt = :now where a.agentId in :ids")
          .setParameter("now", now)
          .setParameter("ids", chunk)
          .executeUpdate();
    }
  }

  /**
   * Announces new rows (none: no event), so that whoever mirrors per-agent columns into rows (the
   * session availability) fills them in after the commit.
   */
  private void announceAdded(Set<Integer> addedIds) {
    if (!addedIds.isEmpty()) {
      rowsAdded.fire(new DirectoryRowsAdded(addedIds));
    }
  }
}
