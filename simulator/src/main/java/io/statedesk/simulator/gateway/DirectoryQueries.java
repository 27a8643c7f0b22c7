package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.Gateway.BUSY;
import static io.statedesk.simulator.gateway.Gateway.IDLE;
import static io.statedesk.simulator.gateway.Gateway.REST;
import static io.statedesk.simulator.gateway.Gateway.SIGNED_OUT;
import static io.statedesk.simulator.gateway.Gateway.TALKING;
import static io.statedesk.simulator.gateway.Gateway.WORK;

import io.statedesk.simulator.world.Agent;
import io.statedesk.simulator.world.Group;
import io.statedesk.simulator.world.Skill;
import io.statedesk.simulator.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Queries about other agents of the VDN ({@code agentgroup}, section 8.2, and {@code
 * agentskillsbyworkno}), answered once the caller's own session was checked by {@link Preamble}.
 */
final class DirectoryQueries {

  private final World world;
  private final SessionStore store;
  private final LongSupplier clock;

  DirectoryQueries(World world, SessionStore store, LongSupplier clock) {
    this.world = world;
    this.store = store;
    this.clock = clock;
  }

  /** {@code agentbyworkno/{workno}}: one agent's details; {@code 000-002} for an unknown one. */
  Reply agentByWorkNo(String workNo) {
    Agent agent = agentOf(workNo);
    return agent == null
        ? Reply.error(Retcodes.BAD_PARAMETER)
        : Reply.ok(details(agent, clock.getAsLong()));
  }

  /** {@code agentongroupex?groupid=}: the agents of one group. */
  Reply agentsOfGroup(String groupId) {
    Integer id = Gateway.parseInt(groupId);
    if (id == null || world.groups().stream().noneMatch(g -> g.id() == id)) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    long now = clock.getAsLong();
    List<Map<String, Object>> result = new ArrayList<>();
    for (Agent agent : world.agents()) {
      if (agent.groupId() == id) {
        result.add(details(agent, now));
      }
    }
    return Reply.ok(result);
  }

  /** {@code allagentstatus}: every agent's state in the VDN. */
  Reply allAgentStatus() {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Agent agent : world.agents()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workno", Integer.toString(agent.workNo()));
      row.put("status", stateOf(store.peek(agent.workNo())));
      result.add(row);
    }
    return Reply.ok(result);
  }

  /** {@code grouponvdn}: the groups of the VDN. */
  Reply groupsOnVdn() {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Group group : world.groups()) {
      result.add(Map.of("groupid", group.id(), "groupname", group.name(), "vdnid", World.VDN));
    }
    return Reply.ok(result);
  }

  /** {@code agentskillsbyworkno/{workno}}: another agent's skills. */
  Reply skillsByWorkNo(String workNo) {
    Agent agent = agentOf(workNo);
    if (agent == null) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Skill skill : agent.skills()) {
      result.add(Map.of("id", skill.id(), "name", skill.name(), "mediatype", skill.mediaType()));
    }
    return Reply.ok(result);
  }

  private Agent agentOf(String workNo) {
    Integer id = Gateway.parseInt(workNo);
    return id == null ? null : world.agent(id);
  }

  private Map<String, Object> details(Agent agent, long now) {
    Session session = store.peek(agent.workNo());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("workno", Integer.toString(agent.workNo()));
    row.put("name", agent.name());
    int state = stateOf(session);
    row.put("status", state);
    row.put("ctiStatus", ctiStatusOf(state));
    row.put("groupid", agent.groupId());
    row.put("mediatype", 5);
    row.put("vdnid", World.VDN);
    row.put("phonenumber", agent.phoneNumber());
    if (session == null) {
      row.put("currentstatetime", 0);
      row.put("logindate", null);
    } else {
      synchronized (session) {
        row.put("currentstatetime", (now - session.stateSince) / 1000);
        row.put("logindate", session.loginTime);
      }
    }
    return row;
  }

  private static int stateOf(Session session) {
    if (session == null) {
      return SIGNED_OUT;
    }
    synchronized (session) {
      return session.state;
    }
  }

  /** CC-Gateway state to CTI platform state (section 6.1). */
  static int ctiStatusOf(int state) {
    return switch (state) {
      case SIGNED_OUT -> 0;
      case BUSY -> 7;
      case IDLE -> 1;
      case WORK -> 6;
      case TALKING -> 5;
      case REST -> 8;
      default -> 9;
    };
  }
}
