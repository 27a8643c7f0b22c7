package io.statedesk.core.directory;

import io.statedesk.core.problem.ProblemDetail;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;
import java.util.List;

/**
 * An import was refused ({@link DirectoryImport#importCsv}); nothing changed. Each problem names
 * its line, so the admin can fix the file in one pass.
 */
public class DirectoryImportException extends ProblemException {
  private static final long serialVersionUID = 1L;
  private final transient List<DirectoryCsv.Problem> problems;

  public DirectoryImportException(List<DirectoryCsv.Problem> problems) {
    super(ProblemKind.INVALID, null, Text.of("directory.import.refused", problems.size()));
    this.problems = List.copyOf(problems);
  }

  public List<DirectoryCsv.Problem> problems() {
    return problems;
  }

  @Override
  public List<ProblemDetail> details() {
    return problems.stream().map(p -> ProblemDetail.ofLine(p.line(), p.text())).toList();
  }
}
