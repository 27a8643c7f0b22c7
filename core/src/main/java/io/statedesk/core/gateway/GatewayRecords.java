package io.statedesk.core.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The gateway's answers as records; they never leave core as wire types. */
public final class GatewayRecords {

  private GatewayRecords() {}

  /**
   * What sign-in asks for (gateway-api.md section 3.1).
   *
   * @param password the agent's CTI password (never logged)
   * @param phoneNumber the softphone number, or {@code null}
   * @param status state after sign-in: 3 busy, 4 idle, 5 work
   * @param autoAnswer whether calls are answered automatically, or {@code null} for the gateway's
   *     default (true)
   */
  public record SignInRequest(String password, String phoneNumber, int status, Boolean autoAnswer) {

    /** Without {@code autoanswer} (the gateway's default applies). */
    public SignInRequest(String password, String phoneNumber, int status) {
      this(password, phoneNumber, status, null);
    }

    @Override
    public String toString() {
      return "SignInRequest[password=***, phoneNumber="
          + phoneNumber
          + ", status="
          + status
          + ", autoAnswer="
          + autoAnswer
          + "]";
    }
  }

  /** Which sign-in interface to use. */
  public enum SignInMode {
    /** {@code PUT onlineagent/{id}}: full sign-in. */
    LOGIN,
    /** {@code PUT onlineagent/{id}/loginex}: platform only, no media licence. */
    LOGINEX,
    /** {@code PUT onlineagent/{id}/forcelogin}: take the session over. */
    FORCE
  }

  /**
   * A successful sign-in.
   *
   * @param auth the new Guid and the load-balancer cookie to replay
   * @param serverName the gateway node or cluster name
   * @param loginTime when the gateway signed the agent in
   */
  public record SignInResult(GatewayAuth auth, String serverName, Instant loginTime) {}

  /**
   * One event poll's answer.
   *
   * @param event the event, if one was queued
   * @param rotatedGuid the new Guid when the gateway rotated it (AUTHMODE 2)
   */
  public record PollResult(Optional<GatewayEvent> event, Optional<String> rotatedGuid) {}

  /**
   * An agent event (gateway-api.md section 7.3).
   *
   * @param type e.g. {@code AgentState_Ready}
   * @param workNo the agent
   * @param content the event's content object (may be empty)
   * @param generatedAt {@code eventGenTime}, if sent
   */
  public record GatewayEvent(
      String type, int workNo, Map<String, Object> content, Optional<Instant> generatedAt) {}

  /** {@code agentstatus}. */
  public record AgentStatus(GatewayState state, boolean working) {}

  /**
   * An agent as the {@code agentgroup} queries describe it.
   *
   * @param workNo agent id
   * @param name display name
   * @param state CC-Gateway state
   * @param groupId the agent's group (team)
   * @param phoneNumber the phone number, or {@code null}
   * @param secondsInState seconds in the current state
   */
  public record GatewayAgent(
      int workNo,
      String name,
      GatewayState state,
      int groupId,
      String phoneNumber,
      long secondsInState) {}

  /** A group (team) of the VDN. */
  public record GatewayGroup(int id, String name) {}

  /** A skill queue. */
  public record GatewaySkill(int id, String name, int mediaType) {}
}
