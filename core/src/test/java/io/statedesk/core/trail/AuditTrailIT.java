package io.statedesk.core.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.Deployments;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.security.Role;
import io.statedesk.core.testing.SharedServer;
import io.statedesk.core.testing.TestDatabase;
import io.statedesk.core.testsupport.TestCaller;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail on Payara Micro with its embedded H2: keyset paging that neither skips nor
 * repeats an event (also among events of the same instant), the agent and change columns taken from
 * the subject, a supervisor's scope, the CSV export, and the retention purge.
 */
@SharedServer
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class AuditTrailIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("statedesk.demo.enabled=true");
  }

  @Inject AuditTrail trail;
  @Inject AuditExport export;
  @Inject AuditLog audit;
  @Inject AuditRetention retention;
  @Inject UserTransaction tx;

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @BeforeEach
  void asAdmin() {
    TestCaller.as("ada", Role.ADMIN);
  }

  /** Inserts an event at a given instant, as rows written long ago or in the same instant are. */
  void insert(long id, Instant at, String actor, String subject, Integer agent) throws Exception {
    tx.begin();
    // a null parameter has no type PostgreSQL can infer: the column is left out instead
    var insert =
        em.createNativeQuery(
                "insert into audit_event (id, at, actor, action, subject"
                    + (agent == null ? ")" : ", agent_id)")
                    + " values (?, ?, ?, 'test.event', ?"
                    + (agent == null ? ")" : ", ?)"))
            .setParameter(1, id)
            .setParameter(2, Timestamp.from(at))
            .setParameter(3, actor)
            .setParameter(4, subject);
    if (agent != null) {
      insert.setParameter(5, agent);
    }
    insert.executeUpdate();
    tx.commit();
  }

  @Test
  void keysetPagesNeitherSkipNorRepeatEventsOfTheSameInstant() throws Exception {
    String actor = "keyset-" + System.nanoTime();
    Instant same = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
    long base = 900_000_000L + (System.nanoTime() % 1_000_000) * 10;
    for (int i = 0; i < 7; i++) {
      insert(base + i, i < 5 ? same : same.plusMillis(i), actor, "agent 10001", 10001);
    }
    AuditFilter mine = new AuditFilter(actor, null, null, null, null, null, null);
    List<Long> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      AuditPage page = trail.page(mine, after, 0, 3);
      page.entries().forEach(e -> seen.add(e.id()));
      after = page.next();
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactly(base + 6, base + 5, base + 4, base + 3, base + 2, base + 1, base);
    // the offset way to the same page agrees
    assertThat(trail.page(mine, null, 3, 3).entries())
        .extracting(AuditEntry::id)
        .containsExactly(base + 3, base + 2, base + 1);
    assertThatThrownBy(() -> trail.page(mine, "not-a-cursor", 0, 3))
        .isInstanceOf(InvalidAuditQueryException.class)
        .hasMessageContaining("after");
  }

  @Test
  void theAgentAndTheChangeComeFromTheSubjectAndFilter() {
    String actor = "subject-" + System.nanoTime();
    audit.record(
        actor, AuditAction.DESIRED_REAPPLIED, "agent 10042", "state 100 of change 7", null);
    audit.record(actor, AuditAction.BULK_CANCEL_REQUESTED, "change 424242", null, null);
    audit.record(actor, AuditAction.DIRECTORY_SYNCED, "agent directory", "3 added", null);
    List<AuditEntry> all =
        trail
            .page(new AuditFilter(actor, null, null, null, null, null, null), null, 0, 10)
            .entries();
    assertThat(all).hasSize(3);
    assertThat(all)
        .filteredOn(e -> e.action().equals("desired.reapplied"))
        .singleElement()
        .satisfies(e -> assertThat(e.agentId()).isEqualTo(10042));
    assertThat(all)
        .filteredOn(e -> e.action().equals("directory.synced"))
        .singleElement()
        .satisfies(e -> assertThat(e.agentId()).isNull());
    assertThat(
            trail
                .page(new AuditFilter(actor, null, null, null, null, null, 424242L), null, 0, 10)
                .entries())
        .extracting(AuditEntry::action)
        .containsExactly("bulk.cancel.requested");
    assertThat(
            trail
                .page(
                    new AuditFilter(actor, AuditCategory.AGENTS, null, null, null, 10042, null),
                    null,
                    0,
                    10)
                .entries())
        .extracting(AuditEntry::action)
        .containsExactly("desired.reapplied");
  }

  @Test
  void aSupervisorWithoutTeamsReadsOnlyTheirOwnActions() {
    String other = "other-" + System.nanoTime();
    String sam = "sam-" + System.nanoTime();
    audit.record(other, AuditAction.CATALOG_UPDATED, "code 100", "before x after y", null);
    audit.record(sam, AuditAction.API_TOKEN_CREATED, "api token t of " + sam, null, null);
    TestCaller.as(sam, Role.SUPERVISOR);
    assertThat(trail.page(AuditFilter.none(), null, 0, 500).entries())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo(sam));
    assertThat(
            trail
                .page(new AuditFilter(other, null, null, null, null, null, null), null, 0, 10)
                .entries())
        .isEmpty();
  }

  @Test
  void theCsvStartsWithAByteOrderMarkAndNeutralisesFormulas() {
    String actor = "csv-" + System.nanoTime();
    audit.record(actor, AuditAction.CATALOG_UPDATED, "code 100", "=HYPERLINK(\"x\") 培训", null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.csv(new AuditFilter(actor, null, null, null, null, null, null), out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv)
        .startsWith("\uFEFFat_utc,actor,action,subject,agent,change,detail,source_ip")
        .contains("'=HYPERLINK")
        .contains("培训");
  }

  @Test
  void thePurgeDeletesWhatIsOlderThanTheRetentionOnly() throws Exception {
    String actor = "purge-" + System.nanoTime();
    long base = 800_000_000L + (System.nanoTime() % 1_000_000) * 10;
    insert(base, Instant.now().minus(Duration.ofDays(retention.days() + 1)), actor, "x", null);
    insert(base + 1, Instant.now().minus(Duration.ofDays(1)), actor, "y", null);
    assertThat(retention.purgeNow()).isGreaterThanOrEqualTo(1);
    assertThat(
            trail
                .page(new AuditFilter(actor, null, null, null, null, null, null), null, 0, 10)
                .entries())
        .extracting(AuditEntry::id)
        .containsExactly(base + 1);
    assertThat(
            trail
                .page(
                    new AuditFilter("system", null, "audit.purged", null, null, null, null),
                    null,
                    0,
                    1)
                .entries())
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("older than " + retention.days()));
  }
}
