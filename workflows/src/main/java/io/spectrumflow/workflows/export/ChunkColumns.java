package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.export.InferredColumn.InTable;
import io.spectrumflow.workflows.pipeline.ColumnMap;
import io.spectrumflow.workflows.pipeline.ColumnNames;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schema for a batch whose chunks were inferred apart, widened as the dump widens within one
 * input: bigint and double make double, any other two types make string; a chunk where a column is
 * only nulls does not decide its type. Columns are matched by the record field they hold and keep
 * the order the fields first appear in, chunk by chunk; they are then named once, as one input's
 * fields would be (see {@link ColumnMap}), and each column says its field, so that every chunk maps
 * a renamed field (one named like the partition column, or two that clash once made legal) to the
 * same column.
 */
final class ChunkColumns {

  private ChunkColumns() {}

  /**
   * Names the fields by the existing table, as each chunk told it: a field a chunk found in the
   * table keeps that column, and no new field takes a table column's name.
   */
  static List<ColumnSpec> mergeByTable(List<List<InferredColumn>> chunks, String partitionColumn) {
    Map<String, ColumnType> types = types(chunks);
    Map<String, Set<String>> claims = new LinkedHashMap<>();
    Map<String, String> unclaimed = new LinkedHashMap<>();
    for (List<InferredColumn> chunk : chunks) {
      for (InferredColumn column : chunk) {
        if (column.standing() == InTable.HELD) {
          claims.computeIfAbsent(column.name(), c -> new LinkedHashSet<>()).add(column.fieldName());
        } else if (column.standing() == InTable.ONLY_IN_TABLE) {
          unclaimed.putIfAbsent(column.name(), column.field());
        }
      }
    }
    List<ColumnMap.Held> table = new ArrayList<>();
    claims.forEach(
        (column, fields) ->
            // Chunks disagree only on a column that records no field, each naming its best
            // candidate: the map chooses among them again, as for one input.
            table.add(
                new ColumnMap.Held(column, fields.size() == 1 ? fields.iterator().next() : null)));
    unclaimed.forEach(
        (column, field) -> {
          if (!claims.containsKey(column)) {
            table.add(new ColumnMap.Held(column, field));
          }
        });
    Map<String, String> names = ColumnMap.of(List.copyOf(types.keySet()), partitionColumn, table);
    List<ColumnSpec> merged = new ArrayList<>();
    types.forEach((field, type) -> merged.add(column(names.get(field), type, field)));
    return merged;
  }

  /**
   * Names the fields in order of first appearance, without the table: how runs begun before {@link
   * #mergeByTable} merge.
   */
  static List<ColumnSpec> merge(List<List<InferredColumn>> chunks, String partitionColumn) {
    ColumnNames names = new ColumnNames(partitionColumn);
    List<ColumnSpec> merged = new ArrayList<>();
    types(chunks).forEach((field, type) -> merged.add(column(names.assign(field), type, field)));
    return merged;
  }

  /** Each field's widened type (null: only nulls everywhere), in order of first appearance. */
  private static Map<String, ColumnType> types(List<List<InferredColumn>> chunks) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (List<InferredColumn> chunk : chunks) {
      for (InferredColumn column : chunk) {
        if (column.standing() == InTable.ONLY_IN_TABLE) {
          continue;
        }
        String field = column.fieldName();
        ColumnType seen = types.get(field);
        if (column.allNull()) {
          types.putIfAbsent(field, null);
        } else {
          types.put(field, seen == null ? column.type() : widen(seen, column.type()));
        }
      }
    }
    return types;
  }

  /** A column with only nulls everywhere is a string, as the dump makes it. */
  private static ColumnSpec column(String name, ColumnType type, String field) {
    return new ColumnSpec(name, type == null ? ColumnType.STRING : type, field);
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
