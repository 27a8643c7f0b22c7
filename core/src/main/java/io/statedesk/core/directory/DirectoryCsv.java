package io.statedesk.core.directory;

import static io.statedesk.core.csv.CsvInput.get;

import io.statedesk.core.csv.CsvInput;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.problem.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The directory's CSV import format, for sites that prefer a file to the gateway sync: header
 * {@code agent_id,name,team,skills,phone}, skills separated by {@code |}. Parsed with Apache
 * Commons CSV; every bad row is reported with its line, nothing is thrown for bad content.
 */
public final class DirectoryCsv {

  public static final List<String> COLUMNS = List.of("agent_id", "name", "team", "skills", "phone");
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private DirectoryCsv() {}

  /** One problem, with its line (0 for the file as a whole). */
  public record Problem(int line, Text text) {

    /** The problem in English (logs, tests). */
    public String message() {
      return text.english();
    }
  }

  /** The entries read and the problems found. */
  public record Parsed(List<DirectoryEntry> entries, List<Problem> problems) {}

  /**
   * Reads an uploaded directory file; never throws on bad content: every problem is in the result.
   */
  public static Parsed parse(byte[] content) {
    List<Problem> problems = new ArrayList<>();
    if (content == null || content.length == 0) {
      return new Parsed(List.of(), List.of(new Problem(0, Text.of("directory.csv.empty"))));
    }
    if (content.length > MAX_BYTES) {
      return new Parsed(List.of(), List.of(new Problem(0, Text.of("directory.csv.tooLarge"))));
    }
    Optional<String> decoded = CsvInput.utf8(content);
    if (decoded.isEmpty()) {
      return new Parsed(List.of(), List.of(new Problem(0, Text.of("directory.csv.notUtf8"))));
    }
    String text = decoded.get();
    List<DirectoryEntry> entries = new ArrayList<>();
    Map<Integer, Integer> seen = new HashMap<>();
    try (CSVParser parser = CsvInput.parse(text)) {
      if (!parser.getHeaderNames().containsAll(List.of("agent_id", "name", "team"))) {
        return new Parsed(
            List.of(),
            List.of(new Problem(1, Text.of("directory.csv.header", String.join(",", COLUMNS)))));
      }
      for (CSVRecord r : parser) {
        int line = (int) parser.getCurrentLineNumber();
        if (!r.isConsistent()) {
          problems.add(
              new Problem(
                  line, Text.of("directory.csv.fields", r.size(), parser.getHeaderNames().size())));
          continue;
        }
        readLine(line, r, seen, entries, problems);
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      return new Parsed(
          List.of(),
          List.of(
              new Problem(
                  0,
                  Text.of("directory.csv.invalid", abbreviate(String.valueOf(e.getMessage()))))));
    }
    if (entries.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(0, Text.of("directory.csv.noRows")));
    }
    return new Parsed(entries, problems);
  }

  /**
   * Reads one consistent line: its entry, or every problem of the line (not just the first: the
   * admin fixes the file once).
   *
   * @param seen the line of each agent id read so far (a second line for one agent is a problem)
   */
  private static void readLine(
      int line,
      CSVRecord r,
      Map<Integer, Integer> seen,
      List<DirectoryEntry> entries,
      List<Problem> problems) {
    List<Problem> lineProblems = new ArrayList<>();
    String id = get(r, "agent_id");
    Integer agentId = null;
    try {
      agentId = Integer.parseInt(id);
    } catch (NumberFormatException e) {
      lineProblems.add(new Problem(line, Text.of("directory.csv.agentId.number", abbreviate(id))));
    }
    if (agentId != null && !AgentId.isValid(agentId)) {
      lineProblems.add(new Problem(line, Text.of("directory.csv.agentId.range", agentId)));
      agentId = null;
    }
    if (agentId != null) {
      Integer earlier = seen.putIfAbsent(agentId, line);
      if (earlier != null) {
        lineProblems.add(new Problem(line, Text.of("directory.csv.duplicate", agentId, earlier)));
      }
    }
    String name = get(r, "name");
    String team = get(r, "team");
    if (name.isEmpty() || name.length() > 100 || hasControl(name)) {
      lineProblems.add(new Problem(line, Text.of("directory.csv.name")));
    }
    if (team.isEmpty() || team.length() > 64 || hasControl(team)) {
      lineProblems.add(new Problem(line, Text.of("directory.csv.team")));
    }
    if (!lineProblems.isEmpty()) {
      problems.addAll(lineProblems);
      return;
    }
    List<String> skills =
        Arrays.stream(get(r, "skills").split("\\|"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    String phone = get(r, "phone");
    entries.add(
        new DirectoryEntry(
            agentId, name, team, skills, GatewayState.UNKNOWN, phone.isEmpty() ? null : phone));
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(Character::isISOControl);
  }

  private static String abbreviate(String s) {
    return CsvInput.abbreviate(s, 40);
  }
}
