package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnNames;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schema for a batch whose chunks were inferred apart, widened as the dump widens within one
 * input: bigint and double make double, any other two types make string; a chunk where a column is
 * only nulls does not decide its type. Columns are matched by the record field they hold and keep
 * the order the fields first appear in, chunk by chunk; they are then named once, as one input's
 * fields would be, and each column says its field, so that every chunk maps a renamed field (one
 * named like the partition column, or two that clash once made legal) to the same column.
 */
final class ChunkColumns {

  private ChunkColumns() {}

  static List<ColumnSpec> merge(List<List<InferredColumn>> chunks, String partitionColumn) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (List<InferredColumn> chunk : chunks) {
      for (InferredColumn column : chunk) {
        String field = column.fieldName();
        ColumnType seen = types.get(field);
        if (column.allNull()) {
          types.putIfAbsent(field, null);
        } else {
          types.put(field, seen == null ? column.type() : widen(seen, column.type()));
        }
      }
    }
    ColumnNames names = new ColumnNames(partitionColumn);
    List<ColumnSpec> merged = new ArrayList<>();
    // a column with only nulls everywhere is a string, as the dump makes it
    types.forEach(
        (field, type) ->
            merged.add(
                new ColumnSpec(
                    names.assign(field), type == null ? ColumnType.STRING : type, field)));
    return merged;
  }

  private static ColumnType widen(ColumnType a, ColumnType b) {
    if (a == b) {
      return a;
    }
    boolean numbers =
        (a == ColumnType.BIGINT || a == ColumnType.DOUBLE)
            && (b == ColumnType.BIGINT || b == ColumnType.DOUBLE);
    return numbers ? ColumnType.DOUBLE : ColumnType.STRING;
  }
}
