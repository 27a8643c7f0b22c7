package io.statedesk.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.simulator.gateway.Gateway.Credentials;
import io.statedesk.simulator.gateway.Preamble.Access;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The preamble every call but the sign-ins shares (section 2), on its own with a hand-driven clock:
 * the caller's session or the retcode, and which refusals count as a stale Guid.
 */
class PreambleTest {

  static final int AGENT = 10001;
  static final int OTHER = 10002;

  final AtomicLong now = new AtomicLong(1_000_000);
  final AtomicReference<GatewaySettings> settings =
      new AtomicReference<>(new GatewaySettings(2, 60_000, 120_000, 600_000, 300, false, 2));
  final SessionStore store = new SessionStore(settings::get);
  final GatewayStats stats = new GatewayStats();
  final Preamble preamble = new Preamble(store, settings::get, now::get, stats);

  Access resolve(int workNo, String guid) {
    return preamble.resolve(workNo, new Credentials(guid, null), "agentstatus");
  }

  static String retcode(Access access) {
    return access.refusal() == null ? "0" : access.refusal().retcode();
  }

  long staleCount() {
    Object count = ((Map<?, ?>) stats.snapshot().get("staleGuidRefusals")).get("agentstatus");
    return count == null ? 0 : (Long) count;
  }

  @Test
  void theCurrentGuidGrantsTheSessionAndCountsAsActivity() {
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    now.addAndGet(5_000);
    Access access = resolve(AGENT, " " + session.guid + " ");
    assertThat(access.session()).isSameAs(session);
    assertThat(session.lastRequestAt).isEqualTo(now.get());
  }

  @Test
  void noGuidIsNotSignedInButNotAStaleGuid() {
    store.open(AGENT, false, Gateway.IDLE, now.get());
    assertThat(retcode(resolve(AGENT, null))).isEqualTo("100-006");
    assertThat(retcode(resolve(AGENT, "  "))).isEqualTo("100-006");
    assertThat(preamble.resolve(AGENT, null, "agentstatus").refusal().retcode())
        .isEqualTo("100-006");
    assertThat(staleCount()).isZero();
  }

  @Test
  void anUnknownGuidOrNoSessionIsNotSignedIn() {
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    assertThat(retcode(resolve(AGENT, "f00.AgentGateway1"))).isEqualTo("100-006");
    assertThat(retcode(resolve(OTHER, "f00.AgentGateway1"))).isEqualTo("100-006");
    store.remove(session);
    assertThat(retcode(resolve(AGENT, session.guid))).isEqualTo("100-006");
    assertThat(staleCount()).isEqualTo(3);
  }

  @Test
  void anotherAgentsGuidHasNoPermission() {
    Session mine = store.open(AGENT, false, Gateway.IDLE, now.get());
    store.open(OTHER, false, Gateway.IDLE, now.get());
    assertThat(retcode(preamble.resolve(OTHER, new Credentials(mine.guid, null), "setcustomstate")))
        .isEqualTo("000-003");
    assertThat(stats.snapshot().get("staleGuidRefusalsByAgent"))
        .isEqualTo(Map.of("10002", Map.of("setcustomstate", 1L)));
  }

  @Test
  void anotherAgentsPreviousGuidStillHasNoPermissionWhileItIsKnown() {
    Session mine = store.open(AGENT, false, Gateway.IDLE, now.get());
    store.open(OTHER, false, Gateway.IDLE, now.get());
    String first = mine.guid;
    synchronized (mine) {
      store.rotate(mine, now.get());
    }
    assertThat(retcode(resolve(OTHER, first))).isEqualTo("000-003");
    synchronized (mine) {
      store.rotate(mine, now.get());
    }
    assertThat(retcode(resolve(OTHER, first)))
        .as("forgotten two rotations on")
        .isEqualTo("100-006");
  }

  @Test
  void aSessionTakenByAnotherDesktopRefusesTheHoldersGuid() {
    Session mine = store.open(AGENT, false, Gateway.IDLE, now.get());
    Session elsewhere = store.open(AGENT, true, Gateway.IDLE, now.get());
    assertThat(store.peek(AGENT)).isSameAs(elsewhere);
    assertThat(retcode(resolve(AGENT, mine.guid))).isEqualTo("100-006");
    assertThat(staleCount()).isEqualTo(1);
    now.addAndGet(600_000);
    assertThat(store.live(AGENT, now.get()))
        .as("a desktop we do not know is never signed out for idling here")
        .isSameAs(elsewhere);
  }

  @Test
  void aGuidExpiresGuidTimeoutAfterItWasIssued() {
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    now.addAndGet(119_999);
    assertThat(retcode(resolve(AGENT, session.guid))).isEqualTo("0");
    now.addAndGet(1);
    assertThat(retcode(resolve(AGENT, session.guid))).isEqualTo("100-006");
    assertThat(staleCount()).isEqualTo(1);
  }

  @Test
  void inAuthMode1TheGuidNeverExpires() {
    settings.set(new GatewaySettings(1, 60_000, 120_000, 600_000, 300, false, 2));
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    now.addAndGet(500_000);
    assertThat(retcode(resolve(AGENT, session.guid))).isEqualTo("0");
  }

  @Test
  void thePreviousGuidWorksWithinItsGraceAndNotTwoRotationsBack() {
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    String first = session.guid;
    now.addAndGet(60_000);
    synchronized (session) {
      store.rotate(session, now.get());
    }
    assertThat(retcode(resolve(AGENT, first))).as("previous, 60 s old").isEqualTo("0");
    now.addAndGet(59_999);
    assertThat(retcode(resolve(AGENT, first))).as("previous, just under 120 s").isEqualTo("0");
    now.addAndGet(1);
    assertThat(retcode(resolve(AGENT, first))).as("previous, 120 s old").isEqualTo("100-006");

    String second = session.guid;
    synchronized (session) {
      store.rotate(session, now.get());
      store.rotate(session, now.get());
    }
    assertThat(retcode(resolve(AGENT, second))).as("superseded twice").isEqualTo("100-006");
    assertThat(staleCount()).isEqualTo(2);
  }

  @Test
  void withTheLoadBalancerCookieARequestWithoutItReachesANodeWithoutTheSession() {
    settings.set(new GatewaySettings(2, 60_000, 120_000, 600_000, 300, true, 2));
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    assertThat(session.lbCookie).startsWith("NSLB_ROUTE=");
    Credentials noCookie = new Credentials(session.guid, null);
    Credentials wrongCookie = new Credentials(session.guid, "NSLB_ROUTE=node9-0");
    Credentials withCookie = new Credentials(session.guid, "a=b; " + session.lbCookie);
    assertThat(retcode(preamble.resolve(AGENT, noCookie, "agentstatus"))).isEqualTo("100-006");
    assertThat(retcode(preamble.resolve(AGENT, wrongCookie, "agentstatus"))).isEqualTo("100-006");
    assertThat(retcode(preamble.resolve(AGENT, withCookie, "agentstatus"))).isEqualTo("0");
    assertThat(staleCount()).as("a missing cookie is not a stale Guid").isZero();
  }

  @Test
  void anIdleSessionIsSignedOutAtTheLookUpUnlessAPollIsHeld() {
    settings.set(new GatewaySettings(2, 60_000, 120_000, 100_000, 300, false, 2));
    Session session = store.open(AGENT, false, Gateway.IDLE, now.get());
    Session held = store.open(OTHER, false, Gateway.IDLE, now.get());
    synchronized (held) {
      held.waiter = reply -> {};
    }
    now.addAndGet(100_000);
    assertThat(retcode(resolve(AGENT, session.guid))).isEqualTo("100-006");
    assertThat(store.peek(AGENT)).isNull();
    assertThat(retcode(resolve(OTHER, held.guid))).isEqualTo("0");
  }
}
