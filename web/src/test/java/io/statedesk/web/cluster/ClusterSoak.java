package io.statedesk.web.cluster;

import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.PayaraMicro;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The soak of issue 19 (done-when 4), a benchmark command and not a test ({@code -Pbench-cluster}):
 * two consoles on one PostgreSQL race for a stream of changes for N minutes while one of them is
 * killed (kill -9) at a random moment of about every other change and started again in the
 * background; at the end, from the simulator's record, no agent may have an accepted set twice in
 * one session for one change (a call sent again after a success), and no change may be stuck.
 * Prints the figures for docs/src/benchmarks.md.
 *
 * <p>It drives the very rig of {@link ClusterIT} (same consoles, simulator with its defaults, same
 * settings), so that what the test proves once, the soak repeats for minutes. Changes run one at a
 * time, each submitted to a random live console and carried out by both while both live, so that
 * every set the simulator records between two submissions belongs to one change.
 *
 * <p>System properties: {@code bench.minutes} (10), {@code bench.latency-ms} (20: the simulator's
 * delay on every setCustomState), {@code bench.seed} (0: a new one, printed).
 */
public final class ClusterSoak {

  private ClusterSoak() {}

  static final int[] CODES = {100, 101, 102, 110, 120, 121, 122, 130, 131, 141};

  /** Runs the soak and prints its figures; exits non-zero when a check fails. */
  public static void main(String[] args) throws Exception {
    long minutes = Long.getLong("bench.minutes", 10);
    long latency = Long.getLong("bench.latency-ms", 20);
    long seed = Long.getLong("bench.seed", 0);
    seed = seed == 0 ? System.nanoTime() : seed;
    Random random = new Random(seed);
    String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
    ClusterIT rig = new ClusterIT();
    int exit = 1;
    try {
      exit = soak(rig, minutes, latency, random, seed, loadBefore);
    } finally {
      rig.stop();
    }
    System.exit(exit);
  }

  /**
   * The soak itself. Over 60 lines: the loop of submit, kill, restart and wait reads best as one
   * piece, and its counters feed the figures printed at the end.
   *
   * <p>Why one method: it is the benchmark's script, read top to bottom as the run it prints; its
   * steps share the run's processes and figures.
   */
  static int soak(
      ClusterIT rig, long minutes, long latency, Random random, long seed, String loadBefore)
      throws Exception {
    long started = System.currentTimeMillis();
    rig.startDatabaseAndSimulator(ClusterIT.AGENTS);
    PayaraMicro[] consoles = {rig.console("a"), rig.console("b")};
    rig.a = consoles[0];
    rig.b = consoles[1];
    String[] ids = {"a", "b"};
    StringBuilder csv = new StringBuilder("agent_id,name,team,skills,phone\n");
    StringBuilder all = new StringBuilder();
    for (int agent = ClusterIT.FIRST; agent < ClusterIT.FIRST + ClusterIT.AGENTS; agent++) {
      csv.append(agent).append(",Agent ").append(agent).append(",Billing,,\n");
      all.append(agent == ClusterIT.FIRST ? "" : ",").append(agent);
    }
    ClusterIT.send("POST", api(consoles[0]) + "/agents/import", csv.toString(), "text/csv");
    rig.control().faults("{\"latencyMs\":" + latency + ",\"operations\":[\"setCustomState\"]}");
    long soakStart = System.currentTimeMillis();
    long end = soakStart + Duration.ofMinutes(minutes).toMillis();
    List<Long> submittedAt = new ArrayList<>(); // simulator-independent wall clock, same host
    List<Long> changeIds = new ArrayList<>(); // the change submitted at each of those times
    List<Long> durations = new ArrayList<>();
    Map<String, Long> totals = new TreeMap<>();
    List<String> stuck = new ArrayList<>();
    int changes = 0;
    Kills kills = new Kills(rig, consoles, ids);
    while (System.currentTimeMillis() < end) {
      kills.restarted(false);
      int via = kills.down == -1 ? random.nextInt(2) : 1 - kills.down;
      int code = CODES[changes % CODES.length];
      String body = "{\"agents\":[" + all + "],\"code\":" + code + "}";
      submittedAt.add(System.currentTimeMillis());
      long t0 = System.currentTimeMillis();
      long id =
          JsonFields.number(
              ClusterIT.send("POST", api(consoles[via]) + "/changes", body, null), "id");
      changes++;
      changeIds.add(id);
      long killAt =
          kills.down == -1 && random.nextBoolean() ? t0 + 1000 + random.nextInt(8000) : -1;
      int victim = random.nextInt(2);
      AtomicReference<String> last = new AtomicReference<>("");
      try {
        Awaitility.await()
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(500))
            .atMost(Duration.ofMinutes(5))
            .until(
                () -> {
                  if (killAt > 0 && System.currentTimeMillis() >= killAt && kills.down == -1) {
                    kills.kill(victim, id);
                  }
                  int asker = kills.down == -1 ? via : 1 - kills.down;
                  last.set(changeState(consoles[asker], id));
                  return last.get().contains("\"status\":\"COMPLETED\"")
                      || last.get().contains("\"status\":\"CANCELLED\"")
                      || last.get().contains("\"status\":\"INTERRUPTED\"");
                });
      } catch (ConditionTimeoutException e) {
        // stuck: recorded just below with the last state read
      }
      String state = last.get();
      if (!state.contains("\"status\":\"COMPLETED\"")) {
        stuck.add("change " + id + ": " + state);
        break;
      }
      durations.add(System.currentTimeMillis() - t0);
      for (String field : List.of("total", "succeeded", "noSession", "failed", "pending")) {
        totals.merge(field, JsonFields.number(state, field), Long::sum);
      }
      System.out.printf(
          "ClusterSoak: change %d (code %d, via %s) completed in %d ms: %s%n",
          id, code, ids[via], durations.get(durations.size() - 1), summary(state));
    }
    kills.restarted(true);
    rig.a = consoles[0];
    rig.b = consoles[1];
    long soakEnd = System.currentTimeMillis();
    List<String> twice = setTwiceForOneChangeInOneSession(rig, submittedAt);
    for (String one : twice.subList(0, Math.min(4, twice.size()))) {
      System.out.println(callsInWindow(rig, one, submittedAt, changeIds));
    }
    String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
    Collections.sort(durations);
    System.out.printf(
        "%nClusterSoak figures (seed %d)%n"
            + "  machine: %d cores; load average before: %s; after: %s%n"
            + "  set-up (PostgreSQL, simulator, two consoles, import): %d s%n"
            + "  soak: %d s, %d changes of %d agents each, simulator latency %d ms per set%n"
            + "  kill -9: %d, restarts: %d%n"
            + "  change duration ms: min %d, median %d, max %d%n"
            + "  outcomes: %s%n"
            + "  agents with a set sent again after a success in one session: %d %s%n"
            + "  changes stuck (not completed within 5 min): %d %s%n",
        seed,
        Runtime.getRuntime().availableProcessors(),
        loadBefore,
        loadAfter,
        (soakStart - started) / 1000,
        (soakEnd - soakStart) / 1000,
        durations.size(),
        ClusterIT.AGENTS,
        latency,
        kills.kills,
        kills.restarts,
        durations.isEmpty() ? 0 : durations.get(0),
        durations.isEmpty() ? 0 : durations.get(durations.size() / 2),
        durations.isEmpty() ? 0 : durations.get(durations.size() - 1),
        totals,
        twice.size(),
        twice.size() > 10 ? twice.subList(0, 10) : twice,
        stuck.size(),
        stuck);
    boolean exact = totals.getOrDefault("pending", 0L) == 0;
    return twice.isEmpty() && stuck.isEmpty() && exact ? 0 : 1;
  }

  /**
   * For the report: every call the simulator recorded for the agent of {@code finding} ("10393
   * (change #33)") during that change's window, but its event polls: time from the submission,
   * operation, retcode, query and the Guid's first four characters (which session made it); and the
   * console's outcome of the agent (attempts: a call retried after its answer was lost shows two, a
   * call sent again after an answer the console had would not).
   */
  static String callsInWindow(
      ClusterIT rig, String finding, List<Long> submittedAt, List<Long> changeIds)
      throws Exception {
    int agent = Integer.parseInt(finding.substring(0, finding.indexOf(' ')));
    int window = Integer.parseInt(finding.replaceAll(".*#(\\d+)\\)", "$1")) - 1;
    long from = submittedAt.get(window);
    long to = window + 1 < submittedAt.size() ? submittedAt.get(window + 1) : Long.MAX_VALUE;
    StringBuilder out =
        new StringBuilder("  calls of agent " + agent + " in change #" + (window + 1));
    String calls = rig.control().requests("agent=" + agent + "&limit=100000");
    for (String one : JsonFields.objects(calls, "seq")) {
      long at = JsonFields.number(one, "at");
      if (at >= from - 2000 && at < to && !one.contains("\"operation\":\"getAgentEvent\"")) {
        out.append("\n    +").append(at - from).append(" ms ").append(one);
      }
    }
    out.append("\n    the console's outcome (status, attempts, retcode, reason, owner): ")
        .append(
            rig.sql(
                "select status, attempts, retcode, reason, owner from bulk_outcome where change_id = "
                    + changeIds.get(window)
                    + " and agent_id = "
                    + agent));
    return out.toString();
  }

  static String api(PayaraMicro console) {
    return "http://127.0.0.1:" + console.port() + "/statedesk/api";
  }

  static String changeState(PayaraMicro console, long id) {
    try {
      return ClusterIT.send("GET", api(console) + "/changes/" + id, null, null);
    } catch (Exception | AssertionError e) {
      return ""; // killed between the choice and the call: asked again in half a second
    }
  }

  static String summary(String state) {
    StringBuilder out = new StringBuilder();
    for (String field : List.of("succeeded", "noSession", "failed", "pending")) {
      out.append(field).append(' ').append(JsonFields.number(state, field)).append(' ');
    }
    return out.toString().trim();
  }

  /**
   * From the simulator's record: agents with two accepted sets of the same code in one session (no
   * sign-in between) after the same change's submission and before the next one, i.e. a call sent
   * again after a success. Two sets of different codes in one window are not that: a console that
   * takes an agent over re-applies its desired state (the previous change's code) in the new
   * session, and then the running change sets its own code (the first soaks counted those, 68 and
   * 74 agents, before the record of each was printed).
   */
  static List<String> setTwiceForOneChangeInOneSession(ClusterIT rig, List<Long> submittedAt)
      throws Exception {
    Map<Integer, TreeMap<Long, long[]>> byAgent = new TreeMap<>(); // seq -> {at, code or -1}
    for (String operation : List.of("setCustomState", "login", "loginEx", "forceLogin")) {
      for (long[] call : rig.acceptedCalls(operation)) {
        byAgent
            .computeIfAbsent((int) call[2], k -> new TreeMap<>())
            .put(call[0], new long[] {call[1], operation.equals("setCustomState") ? call[3] : -1});
      }
    }
    List<String> twice = new ArrayList<>();
    byAgent.forEach(
        (agent, events) -> {
          Set<String> setInSession = new HashSet<>(); // "window code"
          for (long[] e : events.values()) {
            if (e[1] < 0) {
              setInSession.clear(); // a new session
              continue;
            }
            int window = Collections.binarySearch(submittedAt, e[0]);
            window = window >= 0 ? window : -window - 2;
            if (!setInSession.add(window + " " + e[1])) {
              twice.add(agent + " (change #" + (window + 1) + ")");
              return;
            }
          }
        });
    return twice;
  }

  /** The consoles killed with kill -9 during the soak, and their restarts (one down at a time). */
  private static final class Kills {
    private final ClusterIT rig;
    private final PayaraMicro[] consoles;
    private final String[] ids;
    private int down = -1;
    private int kills;
    private int restarts;
    private CompletableFuture<PayaraMicro> restarting;

    Kills(ClusterIT rig, PayaraMicro[] consoles, String[] ids) {
      this.rig = rig;
      this.consoles = consoles;
      this.ids = ids;
    }

    /** Kills console {@code victim} while change {@code id} runs, and starts it again beside. */
    void kill(int victim, long id) {
      consoles[victim].kill();
      kills++;
      down = victim;
      String victimId = ids[victim];
      restarting = CompletableFuture.supplyAsync(() -> rig.console(victimId));
      System.out.printf("ClusterSoak: change %d: killed console %s (kill -9)%n", id, victimId);
    }

    /** Puts a restarted console back in place: if it is up, or, with {@code wait}, once it is. */
    void restarted(boolean wait) {
      if (restarting != null && (wait || restarting.isDone())) {
        consoles[down] = restarting.join();
        restarts++;
        restarting = null;
        down = -1;
      }
    }
  }
}
