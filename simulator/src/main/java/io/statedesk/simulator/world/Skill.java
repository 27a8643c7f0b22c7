package io.statedesk.simulator.world;

/** A skill queue; {@code mediaType} 5 = voice, 53 = multimedia (chat, email). */
public record Skill(int id, String name, int mediaType) {}
