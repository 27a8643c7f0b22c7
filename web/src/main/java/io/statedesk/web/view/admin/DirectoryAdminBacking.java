package io.statedesk.web.view.admin;

import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.CustomStateReadBack;
import io.statedesk.core.directory.DirectoryImport;
import io.statedesk.core.directory.DirectoryImportException;
import io.statedesk.core.directory.DirectorySync;
import io.statedesk.core.directory.ImportPreview;
import io.statedesk.core.directory.SyncResult;
import io.statedesk.core.directory.SyncStatus;
import io.statedesk.core.directory.TeamSummaries;
import io.statedesk.core.directory.TeamSummary;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.web.i18n.Instants;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * The admin's directory page: the gateway sync (its settings, last attempts, "sync now"), the CSV
 * import with a preview, and the teams with their agents and supervisors. Rules and checks live in
 * {@link DirectoryImport}, {@link TeamSummaries} and {@link DirectorySync}; this bean only maps
 * them to the page.
 */
@Named("directoryAdmin")
@ViewScoped
public class DirectoryAdminBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AgentDirectory directory;
  @Inject transient DirectoryImport directoryImport;
  @Inject transient TeamSummaries teamSummaries;
  @Inject transient DirectorySync sync;
  @Inject transient AgentSessions sessions;

  private transient UploadedFile upload;
  private byte[] importContent;
  private String importName;
  private ImportPreview preview;
  private transient SyncStatus status;
  private transient List<TeamSummary> teams;
  private transient long agentCount;
  private transient CustomStateReadBack.Progress readBack;

  /**
   * Reads what the page shows, once per rendering (preRenderView: after any action of the request,
   * so a sync or an import just made shows; a scheduled sync that ran meanwhile too).
   */
  public void load() {
    status = sync.status();
    teams = teamSummaries.all();
    agentCount = directory.size();
    readBack = sync.readBackProgress();
    hostedProblems = List.copyOf(sessions.hostedProblems().entrySet());
  }

  private transient List<Map.Entry<Integer, String>> hostedProblems;

  /** Hosted agents without a session and why (refused credentials, taken over). */
  public List<Map.Entry<Integer, String>> getHostedProblems() {
    return hostedProblems;
  }

  /** The custom-state read-back after the last sync: it runs in the background, the page polls. */
  public CustomStateReadBack.Progress getReadBack() {
    return readBack;
  }

  public SyncStatus getStatus() {
    return status;
  }

  public List<TeamSummary> getTeams() {
    return teams;
  }

  public long getAgentCount() {
    return agentCount;
  }

  /**
   * Starts a sync from the gateway in the background and answers at once; the page polls while it
   * runs and then shows what changed, or why nothing did, as the last sync.
   */
  public void syncNow() {
    if (!sync.status().enabled()) { // the button is disabled then; a handcrafted post lands here
      Texts.addGlobalError("directory.sync.off");
      return;
    }
    Texts.addGlobalInfo(sync.startSyncNow() ? "directory.sync.started" : "directory.sync.running");
  }

  /** Reads the uploaded file and shows what importing it would do; changes nothing. */
  public void previewImport() {
    if (upload == null || upload.getSize() == 0) {
      Texts.addGlobalError("directory.import.noFile");
      return;
    }
    importContent = upload.getContent();
    importName = upload.getFileName();
    preview = directoryImport.previewCsv(importContent);
  }

  /** Imports the previewed file: every row, or none if it no longer passes. */
  public void confirmImport() {
    if (importContent == null) {
      return;
    }
    try {
      SyncResult result = directoryImport.importCsv(importContent);
      Texts.addGlobalInfo("directory.import.done", result.added(), result.updated());
      cancelImport();
    } catch (DirectoryImportException e) {
      preview = new ImportPreview(e.problems(), 0, 0, List.of());
      Texts.addGlobalError("directory.import.refused");
    }
  }

  public void cancelImport() {
    importContent = null;
    importName = null;
    preview = null;
  }

  /** Names as one line, in their order. */
  public String names(List<String> names) {
    return String.join(", ", names);
  }

  public String format(Instant at) {
    return Instants.local(at);
  }

  public ImportPreview getPreview() {
    return preview;
  }

  public String getImportName() {
    return importName;
  }

  public UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(UploadedFile upload) {
    this.upload = upload;
  }
}
