/**
 * The seeded contact center: agents with names, groups (teams), skills, phone numbers and the
 * documented password rule ({@link io.statedesk.simulator.world.World#passwordOf(int)}).
 */
package io.statedesk.simulator.world;
