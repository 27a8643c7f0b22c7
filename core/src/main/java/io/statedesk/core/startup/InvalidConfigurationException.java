package io.statedesk.core.startup;

import java.util.List;

/** The console refuses to start: each line names a setting, what is wrong, and how to fix it. */
public class InvalidConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidConfigurationException(List<String> problems) {
    super("StateDesk cannot start, fix the configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
