package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnNames;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, once per dump and before anything is written, the type each batch column is written in
 * so that it fits the existing table (see {@link TableColumnType} for the rules): a batch column
 * that matches a table column by name keeps its type, is coerced or widened, or is a conflict that
 * fails the dump; so is a declared column that reads another field than the one the table records
 * for it. An inferred column of only nulls takes the table column's type, or is left out of the
 * files when the dump cannot write that type exactly (readers see NULL either way). Batch columns
 * not in the table keep their own type.
 */
final class TableTyping {

  /**
   * A column written in another type than the batch's own, or left out ({@code written} null); kept
   * for one log line.
   */
  record Change(String column, ColumnType batchType, String tableType, ColumnType written) {

    String shown() {
      return written == null
          ? column + " left out (only nulls; table has " + tableType + ")"
          : column + " " + batchType + " -> " + written + " (table has " + tableType + ")";
    }
  }

  private final Map<String, TableColumn> tableColumns = new HashMap<>();
  private final List<Change> changes = new ArrayList<>();

  /**
   * @param table the existing table's data columns; empty when there is no table yet
   */
  TableTyping(List<TableColumn> table) {
    for (TableColumn column : table) {
      // Glue keeps lowercase names; sanitizing makes any other spelling match as the batch's would.
      tableColumns.putIfAbsent(ColumnNames.sanitize(column.name(), 0), column);
    }
  }

  /**
   * @throws BadInputException naming the first batch column that conflicts with the table
   */
  WrittenColumns apply(List<BatchColumn> batch) {
    List<ColumnSpec> written = new ArrayList<>(batch.size());
    List<String> fields = new ArrayList<>(batch.size());
    int[] sources = new int[batch.size()];
    for (int c = 0; c < batch.size(); c++) {
      BatchColumn column = batch.get(c);
      TableColumn table = tableColumns.get(column.name());
      requireSameField(column, table);
      ColumnType type = table == null ? column.type() : typeFor(column, table);
      if (type == null) {
        changes.add(new Change(column.name(), null, table.glueType(), null));
        continue;
      }
      if (type != column.type()) {
        changes.add(new Change(column.name(), column.type(), table.glueType(), type));
      }
      sources[written.size()] = c;
      written.add(new ColumnSpec(column.name(), type));
      fields.add(column.field());
    }
    return new WrittenColumns(written, Arrays.copyOf(sources, written.size()), fields);
  }

  /**
   * A column holds one field: a schema that reads another field into a column the table records for
   * a field would mix the two in it.
   */
  private static void requireSameField(BatchColumn column, TableColumn table) {
    if (table == null
        || table.field() == null
        || column.field() == null
        || table.field().equals(column.field())) {
      return;
    }
    throw BadInput.inBatch()
        .field(column.field(), column.name())
        .problem(
            "the existing table's column "
                + column.name()
                + " holds field "
                + BadInput.quote(table.field())
                + " but this batch's schema reads field "
                + BadInput.quote(column.field())
                + " into it",
            "Give column "
                + column.name()
                + " field "
                + BadInput.quote(table.field())
                + " in the pipeline's schema, or read "
                + BadInput.quote(column.field())
                + " into a column of its own; without a schema in the pipeline, run the batch"
                + " again (the table changed while it was dumped).");
  }

  /** The written type, or null to leave the column out. */
  private static ColumnType typeFor(BatchColumn column, TableColumn table) {
    TableColumnType tableType = TableColumnType.of(table.glueType());
    if (column.allNull()) {
      return tableType.exact();
    }
    ColumnType written = tableType.writtenFor(column.type());
    if (written == null) {
      throw TableTypeConflict.of(column, table, tableType);
    }
    return written;
  }

  /** The columns whose written type differs from the batch's own, or that are left out. */
  List<Change> changes() {
    return changes;
  }
}
