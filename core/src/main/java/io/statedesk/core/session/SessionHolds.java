package io.statedesk.core.session;

import io.statedesk.core.persistence.InLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The hold records of this console's hosted sessions ({@link SessionHold}).
 *
 * <p>Cheap by design: a refresh is one {@code update} of this console's rows plus inserts and
 * deletes for the agents whose session started or ended since the last one (usually none), plus one
 * read per 1,000 relayed agents whose desktops pushed a Guid since (to find the few whose record
 * another console took over), every {@code session-timeout / 4}. So the records say "until T" with
 * T at most a quarter of the gateway's session timeout early, and a restart within the gateway's
 * timeout finds them.
 */
@ApplicationScoped
public class SessionHolds {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  private final Set<Integer> written = new HashSet<>();

  /** Live here, but another console's write took their record over: left to that console. */
  private final Set<Integer> yielded = new HashSet<>();

  private final Set<Integer> pushed = ConcurrentHashMap.newKeySet();
  private boolean loaded;

  /** The agents {@code console} held until after {@code now}: its sessions may still be alive. */
  @Transactional
  public Set<Integer> heldAfter(String console, Instant now) {
    return new TreeSet<>(
        em.createQuery(
                "select h.agentId from SessionHold h where h.consoleId = :c and h.heldUntil > :t",
                Integer.class)
            .setParameter("c", console)
            .setParameter("t", now)
            .getResultList());
  }

  /** Of {@code agents}, those any console held until after {@code now}. */
  @Transactional
  public Set<Integer> heldByAnyAfter(Set<Integer> agents, Instant now) {
    Set<Integer> held = new TreeSet<>();
    List<Integer> ids = new ArrayList<>(agents);
    for (int i = 0; i < ids.size(); i += 500) {
      held.addAll(
          em.createQuery(
                  "select h.agentId from SessionHold h where h.agentId in :ids and h.heldUntil > :t",
                  Integer.class)
              .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
              .setParameter("t", now)
              .getResultList());
    }
    return held;
  }

  /**
   * A desktop pushed the agent's relayed session to this console: the next refresh writes the
   * agent's record again even if this console wrote it before, because another console may have
   * taken the record over meanwhile (the desktop pushed there in between), and the console the
   * desktop last pushed to is the one that holds the session.
   */
  public void pushed(int agentId) {
    pushed.add(agentId);
  }

  /**
   * Records that {@code console} holds exactly {@code live} until {@code until}.
   *
   * <p>The sets above change as the rows are written, before the transaction ends; if it then rolls
   * back (another console deleted or changed a row this one merged over, between its read and the
   * commit), they would say rows exist that do not, and no later refresh would write them. So a
   * refresh that does not commit forgets them, and the next starts from the database (TwoConsolesIT
   * on WildFly, 2026-12-05: a console that took over shards merged over the other's record of agent
   * 10008 as that one deleted it, the commit failed, and the console held 29 sessions without a
   * record for three minutes, until the test gave up).
   */
  @Transactional
  public synchronized void refresh(String console, Set<Integer> live, Instant until) {
    forgetUnlessCommitted();
    if (!loaded) { // rows from before a restart: agents not live now are no longer ours
      written.addAll(
          em.createQuery(
                  "select h.agentId from SessionHold h where h.consoleId = :c", Integer.class)
              .setParameter("c", console)
              .getResultList());
      loaded = true;
    }
    List<Integer> gone = new ArrayList<>();
    for (int id : written) {
      if (!live.contains(id)) {
        gone.add(id);
      }
    }
    for (int i = 0; i < gone.size(); i += 500) {
      em.createQuery("delete from SessionHold h where h.consoleId = :c and h.agentId in :ids")
          .setParameter("c", console)
          .setParameter("ids", gone.subList(i, Math.min(gone.size(), i + 500)))
          .executeUpdate();
    }
    written.removeAll(gone);
    yielded.retainAll(live);
    int renewed =
        em.createQuery("update SessionHold h set h.heldUntil = :t where h.consoleId = :c")
            .setParameter("t", until)
            .setParameter("c", console)
            .executeUpdate();
    if (renewed != written.size()) {
      reload(console);
    }
    Set<Integer> toWrite = new TreeSet<>();
    List<Integer> pushedAgain = new ArrayList<>();
    for (int id : live) {
      boolean wasPushed = pushed.remove(id);
      if (yielded.contains(id)) {
        if (wasPushed) { // the desktop pushed here again: the record is ours again
          yielded.remove(id);
          toWrite.add(id);
        }
      } else if (!written.contains(id)) {
        toWrite.add(id);
      } else if (wasPushed) {
        pushedAgain.add(id);
      }
    }
    toWrite.addAll(notHeldBy(console, pushedAgain));
    toWrite.addAll(reclaimed(live));
    for (int id : toWrite) {
      em.merge(new SessionHold(id, console, until)); // over another console's old record too
    }
    for (int id : live) {
      if (!yielded.contains(id)) {
        written.add(id);
      }
    }
  }

  /**
   * After the renewal found a different number of rows than this console wrote: the rows that name
   * {@code console} now, and, of the others it wrote, those another console's record names ({@link
   * #yielded}); a row that is gone altogether is written again by the caller.
   *
   * <p>Why: a record is one row per agent. Another console's write takes it over (a desktop pushing
   * elsewhere, a forced sign-in after a take-over): that console holds the session, and this one
   * leaves the record alone until the agent is no longer live here or its desktop pushes here
   * again. When that console lets the agent go it deletes the row: a console that trusted its own
   * list then never wrote it again while it held the session (ClusterIT saw 12 agents hosted by a
   * restarted console without a record for minutes, which a restart after an unclean stop would
   * have taken for someone else's sessions, "taken over", never reclaimed). One count compared per
   * refresh finds either; the reads happen only then.
   */
  private void reload(String console) {
    Set<Integer> lost = new TreeSet<>(written);
    written.clear();
    written.addAll(
        em.createQuery("select h.agentId from SessionHold h where h.consoleId = :c", Integer.class)
            .setParameter("c", console)
            .getResultList());
    lost.removeAll(written);
    for (List<Integer> ids : InLists.of(List.copyOf(lost))) {
      yielded.addAll(
          em.createQuery(
                  "select h.agentId from SessionHold h where h.agentId in :ids", Integer.class)
              .setParameter("ids", ids)
              .getResultList());
    }
  }

  /**
   * Of {@code agents} (relayed sessions pushed here again, records this console wrote before),
   * those whose record no longer names {@code console}: a desktop pushed to another console in
   * between, which took the record over (or dropped it). Read in one query per 1,000 agents,
   * because every desktop pushes every rotation: at 10,000 relayed agents and a Guid rotation a
   * minute, writing each pushed agent's record again was about 170 {@code merge}s a second (a
   * select and an update each) on an otherwise idle console.
   */
  private Set<Integer> notHeldBy(String console, List<Integer> agents) {
    Set<Integer> moved = new TreeSet<>(agents);
    for (List<Integer> ids : InLists.of(agents)) {
      moved.removeAll(
          em.createQuery(
                  "select h.agentId from SessionHold h where h.consoleId = :c and h.agentId in :ids",
                  Integer.class)
              .setParameter("c", console)
              .setParameter("ids", ids)
              .getResultList());
    }
    return moved;
  }

  /**
   * Of the live agents this console left to another's record ({@link #yielded}), those that no
   * record names any more: that console let them go and deleted its row, and this one still holds
   * the session, so the record is this console's again. Without this a yielded hosted agent (never
   * pushed) stayed without a record for as long as its session lived here. One query per 1,000
   * yielded agents, and none while nothing is yielded (the usual case).
   */
  private Set<Integer> reclaimed(Set<Integer> live) {
    List<Integer> left = yielded.stream().filter(live::contains).toList();
    Set<Integer> orphaned = new TreeSet<>(left);
    for (List<Integer> ids : InLists.of(left)) {
      orphaned.removeAll(
          em.createQuery(
                  "select h.agentId from SessionHold h where h.agentId in :ids", Integer.class)
              .setParameter("ids", ids)
              .getResultList());
    }
    yielded.removeAll(orphaned);
    return orphaned;
  }

  /**
   * Has this transaction {@link #forget} the written and yielded sets if it does not commit.
   * Through the platform's {@code TransactionSynchronizationRegistry} (Jakarta Transactions),
   * looked up by its standard name rather than injected with {@code @Resource}: see {@code
   * Database} on Payara and resource lookups in library jars.
   */
  private void forgetUnlessCommitted() {
    TransactionSynchronizationRegistry registry;
    try {
      registry = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
    } catch (NamingException e) {
      throw new IllegalStateException("No TransactionSynchronizationRegistry", e);
    }
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before; the outcome is what matters
          }

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
              forget();
            }
          }
        });
  }

  /** After a failed refresh: the next one starts from the database again. */
  public synchronized void forget() {
    written.clear();
    yielded.clear();
    loaded = false;
  }

  /** This console holds nothing any more (its agents were signed out at a clean stop). */
  @Transactional
  public synchronized void releaseAll(String console) {
    em.createQuery("delete from SessionHold h where h.consoleId = :c")
        .setParameter("c", console)
        .executeUpdate();
    written.clear();
    yielded.clear();
  }
}
