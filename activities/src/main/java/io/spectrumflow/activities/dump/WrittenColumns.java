package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import java.util.List;

/**
 * The columns as the files hold them, and for each the batch column (its index in the field index's
 * numbering) whose values it takes. A batch column that table typing leaves out has no entry.
 */
record WrittenColumns(List<ColumnSpec> columns, int[] sources) {

  WrittenColumns {
    columns = List.copyOf(columns);
    sources = sources.clone();
    if (sources.length != columns.size()) {
      throw new IllegalArgumentException("one source per written column");
    }
  }
}
