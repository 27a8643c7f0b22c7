package io.statedesk.simulator.world;

import java.util.List;

/**
 * A configured agent of the simulated VDN.
 *
 * @param workNo the agent id (101..999999)
 * @param name display name
 * @param groupId the agent's group (team)
 * @param skills the skill queues configured for the agent
 * @param phoneNumber the softphone number
 * @param password the CTI password, following {@link World#passwordOf(int)}
 */
public record Agent(
    int workNo,
    String name,
    int groupId,
    List<Skill> skills,
    String phoneNumber,
    String password) {}
