package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns as the files hold them, and for each the batch column (its index in the field index's
 * numbering) whose values it takes. A batch column that table typing leaves out has no entry.
 *
 * @param fields for each column, the record field it holds as named in the input; null for a given
 *     schema's column that names none
 */
record WrittenColumns(List<ColumnSpec> columns, int[] sources, List<String> fields) {

  WrittenColumns {
    columns = List.copyOf(columns);
    sources = sources.clone();
    fields = Collections.unmodifiableList(new ArrayList<>(fields)); // may hold nulls
    if (sources.length != columns.size() || fields.size() != columns.size()) {
      throw new IllegalArgumentException("one source and one field per written column");
    }
  }
}
