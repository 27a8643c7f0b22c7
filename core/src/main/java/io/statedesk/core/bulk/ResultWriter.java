package io.statedesk.core.bulk;

import io.statedesk.core.directory.DirectoryWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Writes a batch of one change's results where they belong: onto the outcomes (one transaction,
 * {@link OutcomeRecorder#record}), then the states they set into the directory, then a word to the
 * open pages and the metrics. Not transactional on purpose: the directory is written after the
 * outcomes commit, so a directory row that cannot be written does not undo the outcomes.
 */
@ApplicationScoped
class ResultWriter {

  @Inject OutcomeRecorder recorder;
  @Inject DirectoryWrites directoryWrites;
  @Inject Event<ChangeProgressed> progressed;
  @Inject BulkMetrics metrics;

  /**
   * Writes {@code batch}, results of {@code owner}'s calls for change {@code changeId}; the metrics
   * count the results only once everything else is written.
   */
  void write(long changeId, List<AgentResult> batch, String owner) {
    OutcomeRecorder.SetStates set = recorder.record(batch, owner);
    directoryWrites.setStates(set.columns(), set.verifiedIds());
    progressed.fire(new ChangeProgressed(changeId));
    batch.forEach(done -> metrics.agentFinished(done.status().name()));
  }
}
