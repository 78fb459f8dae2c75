package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schema for a batch whose chunks were inferred apart, widened as the dump widens within one
 * input: bigint and double make double, any other two types make string; a chunk where a column is
 * only nulls does not decide its type. Columns keep the order they first appear in, chunk by chunk.
 */
final class ChunkColumns {

  private ChunkColumns() {}

  static List<ColumnSpec> merge(List<List<InferredColumn>> chunks) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (List<InferredColumn> chunk : chunks) {
      for (InferredColumn column : chunk) {
        ColumnType seen = types.get(column.name());
        if (column.allNull()) {
          types.putIfAbsent(column.name(), null);
        } else {
          types.put(column.name(), seen == null ? column.type() : widen(seen, column.type()));
        }
      }
    }
    List<ColumnSpec> merged = new ArrayList<>();
    // a column with only nulls everywhere is a string, as the dump makes it
    types.forEach(
        (name, type) -> merged.add(new ColumnSpec(name, type == null ? ColumnType.STRING : type)));
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
