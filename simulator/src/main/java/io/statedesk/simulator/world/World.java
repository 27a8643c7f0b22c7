package io.statedesk.simulator.world;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded contact center, generated deterministically from a seed so that every start (and every
 * test) sees the same agents.
 *
 * <p>Agents get work numbers {@value #FIRST_WORK_NO} upwards, round-robin over the groups; the
 * directory account {@value #DIRECTORY_ACCOUNT} belongs to the VDN but to no group. Passwords
 * follow one documented rule, {@link #passwordOf(int)}, so that a tester can sign any agent in.
 */
public final class World {

  /** The first seeded agent's work number. */
  public static final int FIRST_WORK_NO = 10001;

  /** An agent account for directory queries (agentgroup interfaces), never signed in elsewhere. */
  public static final int DIRECTORY_ACCOUNT = 999001;

  /** The VDN every seeded agent belongs to. */
  public static final int VDN = 1;

  private static final String[] GROUPS = {
    "Billing",
    "Technical Support",
    "Sales",
    "Retention",
    "Chinese Desk",
    "Back Office",
    "VIP Care",
    "Outbound",
    "Escalations",
    "Night Shift"
  };

  private static final Skill[] SKILLS = {
    new Skill(1, "Voice EN", 5),
    new Skill(2, "Voice ZH", 5),
    new Skill(3, "Chat", 53),
    new Skill(4, "Email", 53),
    new Skill(5, "VIP", 5),
    new Skill(6, "Complaints", 5)
  };

  private static final String[] FIRST = {
    "Anna", "Ben", "Chen", "Dina", "Emil", "Fang", "Gita", "Hugo", "Ines", "Jun", "Kai", "Lena",
        "Ming",
    "Nora", "Omar", "Pia", "Qing", "Rosa", "Sami", "Tara", "Uwe", "Vera", "Wei", "Xin", "Yara",
        "Zoe"
  };

  private static final String[] LAST = {
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Schmidt", "Muller", "Garcia", "Rossi",
    "Novak", "Silva", "Kim", "Tanaka", "Khan", "Okafor", "Dubois", "Jensen", "Costa"
  };

  private final Map<Integer, Agent> agents = new LinkedHashMap<>();
  private final List<Group> groups;
  private final List<Skill> skills = List.of(SKILLS);

  /**
   * Generates the world.
   *
   * @param agentCount number of agents (1..50,000)
   * @param groupCount number of groups (1..10)
   * @param seed random seed for names and skills
   */
  public World(int agentCount, int groupCount, long seed) {
    if (agentCount < 1 || agentCount > 50_000) {
      throw new IllegalArgumentException("simulator.agents must be 1..50000, was " + agentCount);
    }
    if (groupCount < 1 || groupCount > GROUPS.length) {
      throw new IllegalArgumentException(
          "simulator.groups must be 1.." + GROUPS.length + ", was " + groupCount);
    }
    List<Group> g = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      g.add(new Group(i + 1, GROUPS[i]));
    }
    groups = Collections.unmodifiableList(g);
    Random random = new Random(seed);
    for (int i = 0; i < agentCount; i++) {
      int workNo = FIRST_WORK_NO + i;
      Group group = groups.get(i % groups.size());
      String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
      List<Skill> agentSkills = new ArrayList<>();
      agentSkills.add(group.id() == 5 ? SKILLS[1] : SKILLS[0]);
      for (int s = 2; s < SKILLS.length; s++) {
        if (random.nextInt(3) == 0) {
          agentSkills.add(SKILLS[s]);
        }
      }
      agents.put(
          workNo,
          new Agent(
              workNo,
              name,
              group.id(),
              List.copyOf(agentSkills),
              "7" + workNo,
              passwordOf(workNo)));
    }
    agents.put(
        DIRECTORY_ACCOUNT,
        new Agent(
            DIRECTORY_ACCOUNT,
            "StateDesk Directory",
            0,
            List.of(),
            "7" + DIRECTORY_ACCOUNT,
            passwordOf(DIRECTORY_ACCOUNT)));
  }

  /** The documented password rule: {@code Sim#<workNo>}, e.g. {@code Sim#10001}. */
  public static String passwordOf(int workNo) {
    return "Sim#" + workNo;
  }

  public Agent agent(int workNo) {
    return agents.get(workNo);
  }

  /** All agents, the directory account last. */
  public Collection<Agent> agents() {
    return Collections.unmodifiableCollection(agents.values());
  }

  public List<Group> groups() {
    return groups;
  }

  public List<Skill> skills() {
    return skills;
  }
}
