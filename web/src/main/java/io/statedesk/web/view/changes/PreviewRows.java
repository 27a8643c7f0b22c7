package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.Preview;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The rows of the Set-state dialog's preview, read a page at a time: the dialog keeps only the
 * preview's {@link Preview#summary() summary}, so a 50,000-agent preview costs the session a few
 * numbers and the request, not 50,000 rows (issue 20). A page shows its agents as they are when it
 * is read; the totals above are those of the preview.
 */
final class PreviewRows extends LazyDataModel<Preview.Row> {

  private static final long serialVersionUID = 1L;

  /** Reads rows of the previewed request. */
  @FunctionalInterface
  interface Source extends Serializable {
    List<Preview.Row> rows(int first, int max);
  }

  private final Source source;
  private final int total;

  PreviewRows(Source source, int total) {
    this.source = source;
    this.total = total;
  }

  @Override
  public int count(Map<String, FilterMeta> filters) {
    return total;
  }

  @Override
  public List<Preview.Row> load(
      int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
    setRowCount(total);
    return source.rows(first, pageSize);
  }

  @Override
  public String getRowKey(Preview.Row row) {
    return Integer.toString(row.agentId());
  }
}
