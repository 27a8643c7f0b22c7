package io.statedesk.core.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes audit events (in the caller's transaction, so an action and its record commit together)
 * and mirrors each as one INFO log line.
 */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /**
   * Records an action.
   *
   * @param actor user or relay client name, or "system"
   * @param action what was done (its key is stored)
   * @param subject what was acted on, e.g. {@code agent 10001}
   * @param detail free text without secrets, or {@code null}
   * @param sourceIp the caller's address, or {@code null}
   */
  @Transactional
  public void record(
      String actor, AuditAction action, String subject, String detail, String sourceIp) {
    AuditEvent event =
        new AuditEvent(
            Instant.now(),
            clean(actor, 100),
            action.key(),
            clean(subject, 200),
            detail == null ? null : clean(detail, 2000),
            sourceIp == null ? null : clean(sourceIp, 64));
    em.persist(event);
    LOG.info(
        () ->
            "audit "
                + event.getAction()
                + " by "
                + event.getActor()
                + " on "
                + event.getSubject()
                + (event.getDetail() == null ? "" : ": " + event.getDetail()));
  }

  /** The newest events about {@code subject}, newest first. */
  public List<AuditEvent> about(String subject, int limit) {
    return em.createQuery(
            "select e from AuditEvent e where e.subject = :s order by e.at desc, e.id desc",
            AuditEvent.class)
        .setParameter("s", subject)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Neutralises a spreadsheet formula in user-supplied text (CSV injection): every CSV export of
   * recorded text (the audit trail, a change's outcomes) passes its cells through here.
   */
  public static String spreadsheetSafe(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text
        : text;
  }

  /** Replaces CR, LF and other control characters, and cuts to the column size. */
  public static String clean(String text, int max) {
    String value = text == null ? "" : text.replaceAll("\\p{Cntrl}", "_");
    return value.length() > max ? value.substring(0, max) : value;
  }
}
