package io.statedesk.core.directory;

/**
 * The outcome of a directory sync or a CSV import ({@link DirectoryImport}).
 *
 * @param added agents new to the directory
 * @param updated agents already in it (written only where something changed)
 * @param removed agents that vanished from the gateway (an import removes none)
 */
public record SyncResult(int added, int updated, int removed) {

  /**
   * "3 added, 297 updated, 0 removed": the audit trail's detail and the log's, read by people (the
   * record's own toString is for programmers).
   */
  public String describe() {
    return added + " added, " + updated + " updated, " + removed + " removed";
  }
}
