package io.statedesk.web.view.admin;

import io.statedesk.core.catalog.CatalogImport;
import io.statedesk.core.catalog.CatalogTransfer.Format;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.omnifaces.util.Faces;
import org.primefaces.model.file.UploadedFile;

/**
 * The catalog page's export buttons and its import panel: upload, preview what the file would do,
 * then apply it (everything or nothing, as core decides) or cancel.
 */
@Named("catalogImport")
@ViewScoped
public class CatalogImportBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CatalogImport imports;

  private transient UploadedFile upload;
  private String importFormat = "csv";
  private byte[] importContent;
  private CatalogImport.Preview preview;

  /**
   * The catalog as CSV with a UTF-8 byte order mark, so that Excel on Windows shows Chinese labels
   * (the import reads the mark and skips it).
   */
  public void exportCsv() throws IOException {
    Faces.sendFile(
        ("\uFEFF" + imports.export(Format.CSV)).getBytes(StandardCharsets.UTF_8),
        "statedesk-catalog.csv",
        true);
  }

  public void exportJson() throws IOException {
    Faces.sendFile(
        imports.export(Format.JSON).getBytes(StandardCharsets.UTF_8),
        "statedesk-catalog.json",
        true);
  }

  /** Reads the uploaded file and shows what importing it would do; changes nothing. */
  public void previewImport() {
    if (upload == null || upload.getSize() == 0) {
      Texts.addGlobalError("catalog.import.noFile");
      return;
    }
    importContent = upload.getContent();
    preview = imports.preview(importContent, Format.of(importFormat));
  }

  /** Applies the previewed file: everything, or nothing if it no longer passes. */
  public void confirmImport() {
    if (importContent == null) {
      return;
    }
    try {
      CatalogImport.Preview applied = imports.apply(importContent, Format.of(importFormat));
      Texts.addGlobalInfo(
          "catalog.import.applied",
          applied.counts().get(CatalogImport.Action.CREATE),
          applied.counts().get(CatalogImport.Action.UPDATE),
          applied.counts().get(CatalogImport.Action.UNCHANGED));
      cancelImport();
    } catch (CatalogImport.ImportRefusedException e) {
      preview = e.preview();
      Texts.addGlobalError("catalog.import.refused");
    }
  }

  /** How many previewed rows would have {@code action} (CREATE, UPDATE, UNCHANGED, ERROR). */
  public int importCount(String action) {
    return preview == null ? 0 : preview.counts().get(CatalogImport.Action.valueOf(action));
  }

  public void cancelImport() {
    importContent = null;
    preview = null;
  }

  public UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(UploadedFile upload) {
    this.upload = upload;
  }

  public String getImportFormat() {
    return importFormat;
  }

  public void setImportFormat(String importFormat) {
    this.importFormat = importFormat;
  }

  public CatalogImport.Preview getPreview() {
    return preview;
  }
}
