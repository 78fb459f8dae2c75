package io.spectrumflow.activities.glue;

import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * Brings a table's columns up to date with a batch: new columns are appended, and a column is
 * widened where the batch was written in a wider type the table accepts (int to bigint; int, bigint
 * or float to double). The dump already refused batches that conflict with the table; a conflict
 * here means the table changed in between, so the run fails rather than guess. A column that
 * records no field yet (made before fields were recorded, or by a crawler) records the batch's
 * field for it (see {@link ColumnFields}); a recorded field is never changed.
 */
final class ColumnMerge {

  private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "int", "integer");

  private final List<Column> merged;
  private final List<String> added = new ArrayList<>();
  private final List<String> widened = new ArrayList<>();
  private final List<String> recorded = new ArrayList<>();

  ColumnMerge(String table, List<Column> current, List<Column> batch) {
    merged = new ArrayList<>(current);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < current.size(); i++) {
      positions.put(current.get(i).name(), i);
    }
    for (Column column : batch) {
      Integer at = positions.get(column.name());
      if (at == null) {
        merged.add(column);
        added.add(column.name());
        continue;
      }
      String field = ColumnFields.recorded(column);
      if (field != null && ColumnFields.recorded(merged.get(at)) == null) {
        merged.set(at, ColumnFields.recording(merged.get(at), field));
        recorded.add(column.name());
      }
      String tableType = current.get(at).type().toLowerCase(Locale.ROOT);
      String batchType = column.type();
      if (tableType.equals(batchType) || isText(tableType) && batchType.equals("string")) {
        continue;
      }
      if (widens(tableType, batchType)) {
        merged.set(at, merged.get(at).toBuilder().type(batchType).build());
        widened.add(column.name() + " " + tableType + " -> " + batchType);
      } else {
        throw ApplicationFailure.newNonRetryableFailure(
            "column '"
                + column.name()
                + "' is "
                + tableType
                + " in Glue table "
                + table
                + " but this batch was written as "
                + batchType
                + "; the table changed while the batch was dumped: run the batch again",
            ExportFailures.BAD_INPUT);
      }
    }
  }

  /** The table's text types, which a batch fills with strings. */
  private static boolean isText(String type) {
    return type.equals("string") || type.startsWith("varchar") || type.startsWith("char");
  }

  private static boolean widens(String tableType, String batchType) {
    return batchType.equals("bigint") && INTEGERS.contains(tableType)
        || batchType.equals("double")
            && (INTEGERS.contains(tableType)
                || tableType.equals("bigint")
                || tableType.equals("float")
                || tableType.equals("real"));
  }

  List<Column> columns() {
    return merged;
  }

  boolean changed() {
    return !added.isEmpty() || !widened.isEmpty() || !recorded.isEmpty();
  }

  /**
   * What changed, for the result and the log: added names, then widenings, then the columns that
   * now record their field.
   */
  List<String> changes() {
    List<String> changes = new ArrayList<>(added);
    widened.forEach(w -> changes.add("widened " + w));
    if (!recorded.isEmpty()) {
      changes.add("recorded the fields of " + recorded);
    }
    return changes;
  }
}
