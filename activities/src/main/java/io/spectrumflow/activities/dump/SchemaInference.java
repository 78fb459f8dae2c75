package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnMap;
import io.spectrumflow.workflows.pipeline.ColumnNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Infers the table's columns from all records (the first pass): every new field becomes a column,
 * in order of first appearance, and each column's type widens to hold every value it gets (see
 * {@link ValueKind}). The value that changed a column's type is kept as a sample (a few per column
 * at most), for the message should the table not take the type. Column names are decided from the
 * whole set of fields and the existing table (see {@link ColumnMap}), so they never depend on the
 * order fields appear in; a new field changes the columns (see {@link #changes()}).
 */
final class SchemaInference {

  /** Redshift's limit on columns per table. */
  static final int MAX_COLUMNS = 1600;

  private final String partitionColumn;
  private final List<ColumnMap.Held> table;
  private final FieldIndex index;
  private final List<String> fieldNames = new ArrayList<>();
  private ValueKind[] kinds = new ValueKind[16];
  private final List<List<ValueSample>> samples = new ArrayList<>();

  /** Counts new columns and widened types: unchanged means the columns are still the same. */
  private long changes;

  SchemaInference(String partitionColumn, String partitionField) {
    this(partitionColumn, partitionField, List.of());
  }

  /**
   * @param table the existing table's data columns, whose recorded fields keep their columns; empty
   *     when there is no table yet
   */
  SchemaInference(String partitionColumn, String partitionField, List<TableColumn> table) {
    this.partitionColumn = partitionColumn;
    // Glue keeps lowercase names; sanitizing makes any other spelling match as the batch's would.
    this.table =
        table.stream()
            .map(c -> new ColumnMap.Held(ColumnNames.sanitize(c.name(), 0), c.field()))
            .toList();
    this.index = new FieldIndex(this::newColumn, partitionField);
  }

  private int newColumn(String fieldName) {
    int column = fieldNames.size();
    fieldNames.add(fieldName);
    if (column == kinds.length) {
      kinds = Arrays.copyOf(kinds, column * 2);
    }
    kinds[column] = ValueKind.NULL;
    samples.add(new ArrayList<>(2));
    changes++;
    return column;
  }

  /**
   * Reads every record, widening the columns' types and checking each record's partition, so that
   * bad input fails before anything is written.
   *
   * @param rowsSoFar told 0 every {@value WritePass#PROGRESS_EVERY} records, as a heartbeat
   */
  void run(RecordScan scan, PartitionDates partitions, LongConsumer rowsSoFar) throws IOException {
    runUpTo(scan, partitions, rowsSoFar, Long.MAX_VALUE);
  }

  /**
   * Infers from the first {@code limit} records only (a pass over them that checks them as {@link
   * #run} does); running again, or {@link #run} after this, reads them again, which changes
   * nothing.
   *
   * @return whether that was every record of the batch
   */
  boolean runUpTo(RecordScan scan, PartitionDates partitions, LongConsumer rowsSoFar, long limit)
      throws IOException {
    RecordColumns resolved = new RecordColumns(index);
    long records =
        scan.forEach(
            record -> {
              resolved.resolve(record);
              partitions.of(record, resolved);
              accept(record, resolved);
              if (record.number() % WritePass.PROGRESS_EVERY == 0) {
                rowsSoFar.accept(0);
              }
            },
            limit);
    if (records < limit) {
      requireColumns(records);
      return true;
    }
    return false;
  }

  private void requireColumns(long records) {
    if (fieldNames.isEmpty()) {
      throw BadInput.inBatch()
          .problem(
              "none of the " + records + " records has any field",
              "Check that the right files were staged: records must be objects with fields.");
    }
  }

  /** Whether any column was found so far. */
  boolean hasColumns() {
    return !fieldNames.isEmpty();
  }

  /** A number that changes whenever a column is added or a column's type widens. */
  long changes() {
    return changes;
  }

  /** The index that maps the records' fields to the inferred columns. */
  FieldIndex index() {
    return index;
  }

  /** Widens the types of the columns of a resolved record. */
  void accept(SourceRecord record, RecordColumns columns) {
    if (fieldNames.size() > MAX_COLUMNS) {
      throw BadInput.inRecord(record)
          .problem(
              "the records so far have "
                  + fieldNames.size()
                  + " distinct fields, more than the "
                  + MAX_COLUMNS
                  + " columns a Redshift table can have",
              "Put variable data in one field as nested JSON (it becomes a STRING column) instead"
                  + " of in field names.");
    }
    for (int i = 0, n = record.size(); i < n; i++) {
      int column = columns.columnOf(i);
      ValueKind kind = kinds[column];
      // Once STRING, a column stays STRING: skip classifying (and timestamp-parsing) its values.
      if (kind != ValueKind.STRING) {
        ValueKind valueKind = ValueClassifier.kindOf(record, i);
        ValueKind widened = kind.widen(valueKind);
        if (widened != kind) {
          kinds[column] = widened;
          changes++;
          samples.get(column).add(ValueSample.of(record, i, valueKind));
        }
      }
    }
  }

  /** The inferred columns, in order of first appearance (the field index's numbering). */
  List<BatchColumn> columns() {
    List<String> names = List.copyOf(names().values());
    List<BatchColumn> columns = new ArrayList<>(fieldNames.size());
    for (int c = 0; c < fieldNames.size(); c++) {
      columns.add(
          new BatchColumn(
              names.get(c),
              kinds[c].columnType(),
              kinds[c] == ValueKind.NULL,
              false,
              List.copyOf(samples.get(c)),
              fieldNames.get(c)));
    }
    return List.copyOf(columns);
  }

  /** Field name to column name, in order of first appearance. */
  private Map<String, String> names() {
    return ColumnMap.of(fieldNames, partitionColumn, table);
  }

  /** Field name to column name, for fields whose names had to change. */
  Map<String, String> renamed() {
    Map<String, String> renamed = new LinkedHashMap<>();
    names()
        .forEach(
            (field, column) -> {
              if (!field.equals(column)) {
                renamed.put(field, column);
              }
            });
    return renamed;
  }
}
