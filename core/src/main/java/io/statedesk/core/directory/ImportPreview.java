package io.statedesk.core.directory;

import java.util.List;

/**
 * What importing a file would do ({@link DirectoryImport#previewCsv}): its problems (nothing would
 * be imported if there is one), how many agents it would add and update, and its teams.
 */
public record ImportPreview(
    List<DirectoryCsv.Problem> problems, int added, int updated, List<String> teams) {

  public ImportPreview {
    problems = List.copyOf(problems);
    teams = List.copyOf(teams);
  }

  /** Whether the file can be imported as it is. */
  public boolean applicable() {
    return problems.isEmpty() && added + updated > 0;
  }
}
