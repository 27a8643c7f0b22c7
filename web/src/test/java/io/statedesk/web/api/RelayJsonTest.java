package io.statedesk.web.api;

import static io.statedesk.web.api.ServerLibraries.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.session.SessionSource;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bodies and answers of the relay, team and system endpoints as Payara's Yasson and Hibernate
 * Validator read and write them: members, order and nulls as the API always answered, each
 * malformed member refused by name.
 */
class RelayJsonTest {

  @RegisterExtension static final ServerLibraries server = new ServerLibraries();

  static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void aRelayedSessionBindsAndIsAnsweredWithoutItsGuid() {
    SessionBody body =
        server.bind(
            "{\"guid\":\"g-1\",\"cookie\":\"NSLB_ROUTE=n1\",\"authMode\":2,\"newSession\":null}",
            SessionBody.class);
    assertThat(body).isEqualTo(new SessionBody("g-1", "NSLB_ROUTE=n1", 2, null));
    assertThat(body.toString()).doesNotContain("g-1");
    assertThat(server.refusal(() -> server.bind("{}", SessionBody.class)))
        .isEqualTo(error("guid is required", "guid"));
    assertThat(server.refusal(() -> server.bind("{\"guid\":42}", SessionBody.class)))
        .isEqualTo(error("guid must be a string", "guid"));
    assertThat(
            server.refusal(
                () -> server.bind("{\"guid\":\"g\",\"newSession\":1}", SessionBody.class)))
        .isEqualTo(error("newSession must be true or false", "newSession"));
    assertThat(server.json(new RelayJson.Session(20001, SessionSource.values()[0], 2, AT)))
        .isEqualTo(
            "{\"agentId\":20001,\"source\":\""
                + SessionSource.values()[0].name()
                + "\",\"authMode\":2,\"obtainedAt\":\"2026-12-01T08:00:00Z\"}");
  }

  @Test
  void aRelayClientIsAnsweredWithItsTokenOnlyWhenMade() {
    String client =
        "{\"id\":3,\"name\":\"cti\",\"active\":true,\"createdAt\":\"2026-12-01T08:00:00Z\","
            + "\"createdBy\":\"admin\",\"lastUsedAt\":null,\"teams\":[],\"agents\":null,"
            + "\"expiresAt\":null";
    assertThat(
            server.json(
                new RelayJson.Client(
                    3L, "cti", true, AT, "admin", null, List.of(), null, null, null)))
        .isEqualTo(client + "}");
    RelayJson.Client made =
        new RelayJson.Client(3L, "cti", true, AT, "admin", null, List.of(), null, null, "sdr_x");
    assertThat(server.json(made)).isEqualTo(client + ",\"token\":\"sdr_x\"}");
    assertThat(made.toString()).doesNotContain("sdr_x");
    assertThat(server.refusal(() -> server.bind("{}", RelayClientBody.class)))
        .isEqualTo(error("name is required", "name"));
  }

  @Test
  void aScopeBindsAndItsMalformedMembersAreRefusedByName() {
    RelayScopeBody scope =
        server.bind(
            "{\"teams\":[\"Billing\",\"Sales\"],\"agents\":\"10001-10300\","
                + "\"expiresAt\":\"2027-01-01T00:00:00Z\"}",
            RelayScopeBody.class);
    assertThat(scope.teamLines()).isEqualTo("Billing\nSales\n");
    assertThat(scope.expiry()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(server.bind("{}", RelayScopeBody.class).teamLines()).isNull();
    assertThat(server.refusal(() -> server.bind("{\"teams\":\"Billing\"}", RelayScopeBody.class)))
        .isEqualTo(error("teams must be an array of team names", "teams"));
    assertThat(server.refusal(() -> server.bind("{\"teams\":[1]}", RelayScopeBody.class)))
        .isEqualTo(error("teams must be an array of team names", "teams"));
    assertThat(
            server.refusal(
                () -> server.bind("{\"expiresAt\":\"soon\"}", RelayScopeBody.class).expiry()))
        .isEqualTo(
            error("expiresAt must be an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z", "expiresAt"));
  }

  @Test
  void aSupervisorsTeamsAreReplacedByAnArrayOfNames() {
    assertThat(server.bind("{\"teams\":[\"Billing\"]}", TeamsBody.class).teams())
        .containsExactly("Billing");
    for (String body : List.of("{}", "{\"teams\":null}", "{\"teams\":\"Billing\"}")) {
      assertThat(server.refusal(() -> server.bind(body, TeamsBody.class)))
          .as(body)
          .isEqualTo(error("teams must be an array of team names", "teams"));
    }
    assertThat(server.refusal(() -> server.bind("{\"teams\":[true]}", TeamsBody.class)))
        .isEqualTo(error("teams must be strings", "teams"));
    assertThat(server.json(new UserTeamsResource.UserTeams("bob", Set.of("Billing"))))
        .isEqualTo("{\"username\":\"bob\",\"teams\":[\"Billing\"]}");
  }

  @Test
  void theSystemIsAnsweredInItsOrder() {
    assertThat(
            server.json(
                new SystemJson.Status(
                    false,
                    "CLOSED",
                    12,
                    3,
                    List.of(
                        new SystemJson.Member(
                            "i-1",
                            "c-1",
                            true,
                            AT,
                            AT.plusSeconds(30),
                            "UNKNOWN",
                            List.of(0, 1))))))
        .isEqualTo(
            "{\"clustered\":false,\"breaker\":\"CLOSED\",\"callRatePerSecond\":12,"
                + "\"signInRatePerSecond\":3,\"members\":[{\"instance\":\"i-1\",\"console\":"
                + "\"c-1\",\"self\":true,\"startedAt\":\"2026-12-01T08:00:00Z\",\"heartbeatUntil\":"
                + "\"2026-12-01T08:00:30Z\",\"breaker\":\"UNKNOWN\",\"shards\":[0,1]}]}");
  }

  @Test
  void everyAnswerFixesTheOrderOfAllItsMembers() {
    CatalogBodiesTest.assertOrdered(RelayJson.class, SystemJson.class, UserTeamsResource.class);
  }
}
