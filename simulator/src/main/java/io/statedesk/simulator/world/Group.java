package io.statedesk.simulator.world;

/** An agent group (a team) of the VDN. */
public record Group(int id, String name) {}
