package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dump wrote.
 *
 * @param columns the columns the files hold, with their types as written (after fitting an existing
 *     table's types), in order of first appearance; excluding the partition column and any all-null
 *     column left out for the table
 * @param files the Parquet files, ordered by partition value then sequence
 * @param rows rows written, the sum over the files
 * @param bytes bytes written, the sum over the files
 * @param fields for each column, the record field it holds as named in the input; null for a given
 *     schema's column that names none
 */
public record DumpOutcome(
    List<ColumnSpec> columns, List<PartFile> files, long rows, long bytes, List<String> fields) {

  /**
   * The columns, each naming the field it holds where that is known (for the catalog to record).
   */
  public List<ColumnSpec> columnsWithFields() {
    List<ColumnSpec> named = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      ColumnSpec column = columns.get(c);
      named.add(new ColumnSpec(column.name(), column.type(), fields.get(c)));
    }
    return named;
  }
}
