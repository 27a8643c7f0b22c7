package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.Deployments;
import io.statedesk.core.account.TeamScope;
import io.statedesk.core.account.UserAccounts;
import io.statedesk.core.audit.AuditEvent;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.catalog.CatalogExceptions.StaleStateCodeException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeInUseException;
import io.statedesk.core.catalog.CatalogImport.Action;
import io.statedesk.core.catalog.CatalogTransfer.Format;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Role;
import io.statedesk.core.testing.SharedServer;
import io.statedesk.core.testing.TestDatabase;
import io.statedesk.core.testsupport.TestCaller;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The catalog on Payara Micro with its embedded H2: persistence, concurrency, locking, audit. */
@SharedServer
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class StateCatalogIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("statedesk.demo.enabled=true");
  }

  @Inject StateCatalog catalog;
  @Inject CatalogImport imports;
  @Inject AuditLog audit;
  @Inject TeamScope teams;
  @Inject UserAccounts accounts;
  @Inject AgentDirectory directory;

  @Resource ManagedExecutorService executor;

  @BeforeEach
  void asAdmin() {
    TestCaller.as("ada", Role.ADMIN);
  }

  static StateCodeData code(int code, String label) {
    return new StateCodeData(
        code, label, "desc", "#123456", "Tests", 0, true, Map.of("zh-CN", "测试"), Set.of());
  }

  @Test
  void theDemoCatalogIsSeeded() {
    assertThat(catalog.active())
        .hasSizeGreaterThanOrEqualTo(12)
        .anySatisfy(
            c -> {
              assertThat(c.getLabel()).isEqualTo("Training");
              assertThat(c.labelFor(Locale.SIMPLIFIED_CHINESE)).isEqualTo("培训");
            });
  }

  @Test
  void theAdminTableSearchesSortsAndPages() {
    assertThat(catalog.page("train", null, "label", true, 0, 50))
        .extracting(StateCode::getCode)
        .contains(100);
    assertThat(catalog.page("100", null, "code", true, 0, 50))
        .extracting(StateCode::getCode)
        .contains(100);
    assertThat(catalog.count("back office", Boolean.TRUE)).isGreaterThanOrEqualTo(3);
    assertThat(catalog.page(null, null, "code", false, 0, 2)).hasSize(2);
    assertThat(catalog.page(null, null, "code", true, 2, 2)).hasSize(2);
    assertThat(catalog.page("50%_\\", null, "nonsense", true, 0, 10)).isEmpty();
  }

  @Test
  void createdCodesArePersistedWithLabelsAndAudited() {
    StateCode created = catalog.create(code(2001, "Persisted"));
    StateCode read = catalog.get(2001);
    assertThat(read.getLabels()).containsEntry("zh-CN", "测试");
    assertThat(read.getCreatedBy()).isEqualTo("ada");
    assertThat(read.getVersion()).isEqualTo(created.getVersion());
    List<AuditEvent> trail = audit.about("state code 2001", 10);
    assertThat(trail).extracting(AuditEvent::getAction).containsExactly("catalog.created");
    assertThat(trail.get(0).getDetail()).contains("label=Persisted");
  }

  @Test
  void duplicatesReservedRangesAndActiveLabelsAreRefused() {
    catalog.create(code(2010, "Unique label"));
    assertThatThrownBy(() -> catalog.create(code(2010, "Other")))
        .isInstanceOf(InvalidStateCodeException.class)
        .hasMessageContaining("code 2010 already exists");
    assertThatThrownBy(() -> catalog.create(code(2011, "unique LABEL")))
        .hasMessageContaining("already the label of active code 2010");
    catalog.reserve(2200, 2250, "mirrors busy reasons");
    assertThatThrownBy(() -> catalog.create(code(2225, "Reserved")))
        .hasMessageContaining("reserved range 2200..2250 (mirrors busy reasons)");
  }

  @Test
  void concurrentCreatesOfOneCodeLeaveExactlyOne() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      int n = i;
      Callable<String> create =
          () -> {
            TestCaller.as("admin" + n, Role.ADMIN);
            start.await();
            try {
              catalog.create(code(2020, "Race " + n));
              return "created";
            } catch (InvalidStateCodeException e) {
              return e.getMessage();
            }
          };
      results.add(executor.submit(create));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get());
    }
    assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.equals("created"))
        .allSatisfy(o -> assertThat(o).contains("2020 already exists"));
  }

  @Test
  void aStaleVersionIsRefused() {
    StateCode created = catalog.create(code(2030, "Versioned"));
    long version = created.getVersion();
    catalog.update(2030, code(2030, "Versioned v2"), version);
    assertThatThrownBy(() -> catalog.update(2030, code(2030, "Versioned v3"), version))
        .isInstanceOf(StaleStateCodeException.class)
        .hasMessageContaining("changed by someone else");
    assertThat(audit.about("state code 2030", 10))
        .extracting(AuditEvent::getAction)
        .contains("catalog.updated");
    assertThat(audit.about("state code 2030", 10).get(0).getDetail())
        .contains("before {label=Versioned,")
        .contains("after {label=Versioned v2,");
  }

  @Test
  void usedCodesCanOnlyBeDeactivatedUnusedOnesDeleted() {
    catalog.create(code(2040, "Used"));
    catalog.markUsed(2040);
    assertThatThrownBy(() -> catalog.delete(2040))
        .isInstanceOf(StateCodeInUseException.class)
        .hasMessageContaining("deactivate it instead");
    assertThat(catalog.setActive(2040, false).isActive()).isFalse();
    catalog.create(code(2041, "Never used"));
    catalog.delete(2041);
    assertThat(catalog.find(2041)).isEmpty();
    assertThat(audit.about("state code 2041", 10))
        .extracting(AuditEvent::getAction)
        .containsExactly("catalog.deleted", "catalog.created");
  }

  @Test
  void supervisorsReadActiveCodesOnlyAndChangeNothing() {
    catalog.create(code(2050, "Hidden later"));
    catalog.setActive(2050, false);
    TestCaller.as("alice", Role.SUPERVISOR);
    assertThat(catalog.active()).noneMatch(c -> c.getCode() == 2050);
    assertThatThrownBy(() -> catalog.get(2050)).hasMessageContaining("No state code 2050");
    assertThatThrownBy(() -> catalog.create(code(2051, "Sneaky")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> catalog.setActive(2050, true))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> catalog.delete(2050)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(catalog::all).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void supervisorsSeeCodesOfferedToAllTeamsOrToTheirOwn() {
    catalog.create(
        new StateCodeData(
            2070, "Sales only", null, "#123456", null, 0, true, Map.of(), Set.of("Sales")));
    TestCaller.as("alice", Role.SUPERVISOR);
    assertThat(catalog.active()).extracting(StateCode::getCode).contains(100).doesNotContain(2070);
    assertThatThrownBy(() -> catalog.get(2070)).hasMessageContaining("No state code 2070");
    TestCaller.as("bob", Role.SUPERVISOR);
    assertThat(catalog.active()).extracting(StateCode::getCode).contains(100, 2070);
    TestCaller.as("carol-without-teams", Role.SUPERVISOR);
    assertThat(catalog.active()).extracting(StateCode::getCode).contains(100).doesNotContain(2070);
  }

  @Test
  void onlyAdminsAssignTeams() {
    // a supervisor of its own: whatever other classes put in the shared directory (a team it does
    // not know is refused once it has agents: "Night Shift" passed only when no class had loaded
    // agents before this one), and on PostgreSQL, where classes share one database and run at
    // once, AgentDirectoryIT counts what alice sees
    String who = "teams-it";
    if (accounts.find(who).isEmpty()) {
      accounts.create(who, "Teams IT", "Teams-It-Pass-1".toCharArray(), Set.of(Role.SUPERVISOR));
    }
    assertThat(teams.assign(who, List.of("Billing", "Sales"))).containsExactly("Billing", "Sales");
    assertThat(teams.teamsOf(who)).containsExactlyInAnyOrder("Billing", "Sales");
    assertThatThrownBy(() -> teams.assign("nobody-here", List.of("Sales")))
        .hasMessageContaining("no console user");
    assertThatThrownBy(() -> teams.assign(who, List.of("<script>")))
        .hasMessageContaining("must be 1 to 64 letters");
    TestCaller.as(who, Role.SUPERVISOR);
    assertThatThrownBy(() -> teams.assign(who, List.of("Sales")))
        .isInstanceOf(AccessDeniedException.class);
    TestCaller.as("ada", Role.ADMIN);
    assertThat(teams.teamsOf(who)).containsExactlyInAnyOrder("Billing", "Sales");
  }

  @Test
  void aCodesHistoryIsItsAuditTrailForAdminsOnly() {
    catalog.create(code(2002, "With history"));
    catalog.setActive(2002, false);
    assertThat(catalog.history(2002, 10))
        .extracting(AuditEvent::getAction)
        .containsExactly("catalog.deactivated", "catalog.created");
    assertThat(catalog.history(2002, 1)).hasSize(1);
    TestCaller.as("alice", Role.SUPERVISOR);
    assertThatThrownBy(() -> catalog.history(2002, 10)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void adminsChooseAmongEveryDirectoryTeamAndSupervisorsAmongTheirOwn() {
    // this deployment's directory may be empty: the admin's choice is whatever it holds
    assertThat(teams.choosableTeams()).isEqualTo(directory.teams());
    teams.assign("alice", List.of("Billing", "Technical Support", "Chinese Desk"));
    TestCaller.as("alice", Role.SUPERVISOR);
    assertThat(teams.choosableTeams())
        .containsExactly("Billing", "Chinese Desk", "Technical Support");
    TestCaller.as("carol-without-teams", Role.SUPERVISOR);
    assertThat(teams.choosableTeams()).isEmpty();
  }

  @Test
  void anImportWithOneBadLineChangesNothing() {
    String csv =
        String.join(",", CatalogTransfer.COLUMNS)
            + "\n"
            + "2060,Imported one,,,,#111111,Import,1,true,\n"
            + "2061,Imported two,,,,not-a-colour,Import,2,true,\n";
    byte[] file = csv.getBytes(StandardCharsets.UTF_8);
    var preview = imports.preview(file, Format.CSV);
    assertThat(preview.counts()).containsEntry(Action.CREATE, 1).containsEntry(Action.ERROR, 1);
    assertThat(preview.rows().get(1).line()).isEqualTo(3);
    assertThat(preview.rows().get(1).errors().toString()).contains("colour must be #rrggbb");
    assertThatThrownBy(() -> imports.apply(file, Format.CSV))
        .isInstanceOf(CatalogImport.ImportRefusedException.class);
    assertThat(catalog.find(2060)).isEmpty();

    String good = csv.replace("not-a-colour", "#222222");
    var applied = imports.apply(good.getBytes(StandardCharsets.UTF_8), Format.CSV);
    assertThat(applied.counts()).containsEntry(Action.CREATE, 2);
    assertThat(imports.preview(good.getBytes(StandardCharsets.UTF_8), Format.CSV).counts())
        .containsEntry(Action.UNCHANGED, 2);
    assertThat(imports.export(Format.CSV)).contains("2060,Imported one");
  }
}
