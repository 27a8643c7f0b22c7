package io.statedesk.core.startup;

import io.statedesk.core.account.DemoUsers;
import io.statedesk.core.account.FirstAdmin;
import io.statedesk.core.account.LdapIdentityStore;
import io.statedesk.core.account.LoginThrottle;
import io.statedesk.core.account.PasswordHashing;
import io.statedesk.core.bulk.BulkEngine;
import io.statedesk.core.bulk.BulkSettings;
import io.statedesk.core.catalog.DemoCatalog;
import io.statedesk.core.cluster.Cluster;
import io.statedesk.core.cluster.ClusterSettings;
import io.statedesk.core.directory.CustomStateReadBack;
import io.statedesk.core.directory.DirectoryRowsAdded;
import io.statedesk.core.directory.DirectoryStateFeed;
import io.statedesk.core.directory.DirectorySync;
import io.statedesk.core.gateway.GatewaySettings;
import io.statedesk.core.persistence.SchemaMigration;
import io.statedesk.core.security.ConfiguredSecrets;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.HostedSessions;
import io.statedesk.core.session.RelaySessions;
import io.statedesk.core.session.SessionStore;
import io.statedesk.core.system.ConsoleMetrics;
import io.statedesk.core.trail.AuditRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The composition root: everything core does once before the console serves its first request, in
 * this order.
 *
 * <ol>
 *   <li><b>Check every setting</b>: gateway, bulk, login throttle, first admin, secrets key, LDAP,
 *       cluster and audit retention; then hosted sessions and the directory sync, only once the
 *       gateway's own settings are sound, because asking them builds the gateway client and loads
 *       its truststore. All problems go out together in one {@link InvalidConfigurationException}
 *       before anything starts: an operator fixes them in one go, and nothing half-starts.
 *   <li><b>Metrics</b> join Micrometer's global registry: the bean is otherwise made at the first
 *       scrape, and counts recorded before it would be lost.
 *   <li><b>Schema migration</b> (Flyway), before anything reads or writes a table.
 *   <li><b>Users and demo data</b>: the demo users (demo configuration only), then the first admin
 *       from its settings if no admin exists (after the demo users, whose admin counts), then the
 *       demo catalog (demo configuration only, empty catalog only).
 *   <li><b>The directory's view of sessions</b>: session availability is mirrored into the
 *       directory (the agent picker's Sessions filter) from here on, before any session exists.
 *   <li><b>Sessions and the cluster</b>: hosted sessions (their hold records, and the pool if
 *       enabled), then the cluster heartbeat, which divides the hosted agents among the consoles
 *       and so needs the pool, then the sweep that marks relayed sessions stale. The pool's state
 *       changes feed the directory.
 *   <li><b>Directory sync</b>, with the custom-state read-back after each sync.
 *   <li><b>Bulk engine</b>, after the sessions and the cluster: it calls agents through the one and
 *       claims their outcomes by the other's ownership, and its sweep resumes changes a stopped
 *       console left.
 *   <li><b>Audit retention</b>: the purge schedule (a cluster singleton, like the directory sync).
 * </ol>
 *
 * <p>It lives above every feature and nothing in core depends on it, so that start-up order never
 * creates a package cycle. It also mirrors session availability into the rows a sync or an import
 * adds ({@link #mirrorSessionsIntoNewRows}), next to the listener that mirrors every later change.
 *
 * <p>Triggered by the web module's servlet context listener rather than a CDI start-up observer:
 * Payara fails the deployment when a library jar's CDI bean is initialised during CDI's own
 * start-up event and injects a persistence context or JNDI resource, while a servlet context
 * listener runs once the module's naming environment is complete (WAR on Payara Micro, EAR on
 * Payara Server and WildFly alike).
 */
@ApplicationScoped
public class ConsoleStartup {

  /**
   * Rows a sync or an import added have no session availability yet: offers those agents', written
   * in one batch at the feed's next flush, after the commit that made the rows (before it, the
   * update would find no row). A new row without a session already reads "none".
   */
  void mirrorSessionsIntoNewRows(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DirectoryRowsAdded added) {
    for (int id : added.agentIds()) {
      sessionStore.get(id).ifPresent(e -> stateFeed.offerAvailability(id, e.availability()));
    }
  }

  @Inject SchemaMigration schema;
  @Inject ConsoleMetrics metrics;
  @Inject DemoUsers demoUsers;
  @Inject DemoCatalog demoCatalog;
  @Inject GatewaySettings gateway;
  @Inject HostedSessions hostedSessions;
  @Inject Cluster cluster;
  @Inject ClusterSettings clusterSettings;
  @Inject RelaySessions relaySessions;
  @Inject DirectorySync directorySync;
  @Inject AuditRetention auditRetention;
  @Inject DirectoryStateFeed stateFeed;
  @Inject SessionStore sessionStore;
  @Inject AgentSessions agentSessions;
  @Inject CustomStateReadBack customStates;
  @Inject BulkSettings bulkSettings;
  @Inject BulkEngine bulkEngine;
  @Inject LoginThrottle loginThrottle;
  @Inject PasswordHashing passwordHashing;
  @Inject FirstAdmin firstAdmin;
  @Inject ConfiguredSecrets secrets;
  @Inject LdapIdentityStore ldap;

  @Inject
  @ConfigProperty(name = "statedesk.demo.enabled", defaultValue = "false")
  boolean demo;

  /**
   * Runs the start-up steps in the order above; safe to call again.
   *
   * @throws InvalidConfigurationException listing every broken setting, before anything starts
   */
  public void run() {
    List<String> problems = new ArrayList<>(gateway.problems());
    problems.addAll(bulkSettings.problems());
    problems.addAll(loginThrottle.problems());
    problems.addAll(passwordHashing.problems());
    problems.addAll(firstAdmin.problems());
    problems.addAll(secrets.keyProblems());
    problems.addAll(ldap.problems());
    problems.addAll(clusterSettings.problems());
    problems.addAll(auditRetention.problems());
    if (problems.isEmpty()) {
      // these beans hold the gateway client, which is built (truststore loaded) when they are:
      // ask them only once the gateway's own settings are known to be sound
      problems.addAll(hostedSessions.problems());
      problems.addAll(directorySync.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    metrics.start();
    schema.migrate();
    demoUsers.seed();
    firstAdmin.ensure(demo);
    demoCatalog.seed();
    // session availability is mirrored into the directory as it changes (the picker's filter)
    sessionStore.addListener(
        (id, availability) -> stateFeed.offerAvailabilityChange(id, availability));
    stateFeed.start();
    hostedSessions.start();
    cluster.start();
    relaySessions.start();
    hostedSessions.pool().ifPresent(pool -> pool.addListener(stateFeed::offer));
    // off the sync's thread and bounded: "Sync now" answers before thousands of queries
    directorySync.afterSync(
        () -> customStates.start(id -> agentSessions.current(id).map(h -> h.auth())));
    directorySync.start();
    bulkEngine.start();
    auditRetention.start();
  }
}
