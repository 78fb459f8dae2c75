package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.List;

/**
 * A column of the batch before table typing: the type it gets from the records alone (inferred) or
 * from the pipeline's schema (declared).
 *
 * @param type the type without a table; STRING for an inferred column of only nulls
 * @param allNull inferred, and every value was null
 * @param declared given by the pipeline's schema, so no values were looked at
 * @param samples for inferred columns, the values that changed the column's type, in order
 * @param field the record field it holds, as named in the input; null for a declared column that
 *     names none
 */
record BatchColumn(
    String name,
    ColumnType type,
    boolean allNull,
    boolean declared,
    List<ValueSample> samples,
    String field) {

  static BatchColumn declared(String name, ColumnType type, String field) {
    return new BatchColumn(name, type, false, true, List.of(), field);
  }
}
