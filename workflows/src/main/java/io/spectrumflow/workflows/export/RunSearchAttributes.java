package io.spectrumflow.workflows.export;

import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Keeps a run's search attributes up to date as it learns its partitions and rows. Only runs that
 * were started with Spectrumflow's attributes (so the server knows them) are updated: upserting an
 * attribute a server does not know would block the run.
 */
final class RunSearchAttributes {

  private RunSearchAttributes() {}

  static void partitions(List<String> dates) {
    if (enabled()) {
      Workflow.upsertTypedSearchAttributes(ExportSearchAttributes.PARTITION_DATES.valueSet(dates));
    }
  }

  static void rows(long rows) {
    if (enabled()) {
      Workflow.upsertTypedSearchAttributes(ExportSearchAttributes.ROWS.valueSet(rows));
    }
  }

  private static boolean enabled() {
    return Workflow.getTypedSearchAttributes().containsKey(ExportSearchAttributes.PIPELINE);
  }
}
