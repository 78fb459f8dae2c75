package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnNames;
import java.util.Arrays;

/**
 * Lays one record's fields onto the table's columns: which field position holds each column, and
 * where the partition field is. Rejects a field name given twice in a record, and (with a given
 * schema) two fields that map onto one column.
 */
final class RecordColumns {

  private final FieldIndex index;
  private int[] fieldOfColumn = new int[16];
  private int[] columnOfField = new int[16];
  private long[] seenInResolve = new long[16];
  private long resolves;
  private long ignoredValues;
  private int partitionField;

  RecordColumns(FieldIndex index) {
    this.index = index;
  }

  /** Resolves {@code record}; then the accessors describe it. */
  void resolve(SourceRecord record) {
    // A counter rather than the record number: numbers start again on the second pass.
    long stamp = ++resolves;
    Arrays.fill(fieldOfColumn, -1);
    partitionField = -1;
    int size = record.size();
    if (size > columnOfField.length) {
      columnOfField = new int[Math.max(size, columnOfField.length * 2)];
    }
    for (int i = 0; i < size; i++) {
      String name = record.name(i);
      int slot = index.slotAt(i, name);
      if (slot >= seenInResolve.length) {
        seenInResolve = Arrays.copyOf(seenInResolve, Math.max(slot + 1, seenInResolve.length * 2));
      }
      if (seenInResolve[slot] == stamp) {
        throw BadInput.inRecord(record)
            .field(name, null)
            .problem(
                "the field appears more than once in the record",
                "Give each field once per record.");
      }
      seenInResolve[slot] = stamp;
      if (index.isPartitionField(slot)) {
        partitionField = i;
      }
      int column = index.columnOf(slot);
      columnOfField[i] = column;
      if (column != FieldIndex.NO_COLUMN) {
        place(record, i, column);
      } else {
        ignoredValues++;
      }
    }
  }

  private void place(SourceRecord record, int field, int column) {
    if (column >= fieldOfColumn.length) {
      int old = fieldOfColumn.length;
      fieldOfColumn = Arrays.copyOf(fieldOfColumn, Math.max(column + 1, old * 2));
      Arrays.fill(fieldOfColumn, old, fieldOfColumn.length, -1);
    }
    int other = fieldOfColumn[column];
    if (other >= 0) {
      // Only a given schema maps two names to one column, by exact name or by the legal form.
      String columnName = ColumnNames.sanitize(record.name(field), 0);
      throw BadInput.inRecord(record)
          .field(record.name(field), null)
          .problem(
              "the fields "
                  + BadInput.quote(record.name(other))
                  + " and "
                  + BadInput.quote(record.name(field))
                  + " both map to column "
                  + columnName,
              "Give the record only one of them, or rename one in the input.");
    }
    fieldOfColumn[column] = field;
  }

  /** The position in the record of the field holding {@code column}, or -1 if absent. */
  int fieldOf(int column) {
    return column < fieldOfColumn.length ? fieldOfColumn[column] : -1;
  }

  /** The column of the field at {@code position}, or {@link FieldIndex#NO_COLUMN}. */
  int columnOf(int position) {
    return columnOfField[position];
  }

  /** Values of fields without a column (left out by a given schema), over all records so far. */
  long ignoredValues() {
    return ignoredValues;
  }

  /** The position of the partition field in the record, or -1 if it is missing. */
  int partitionField() {
    return partitionField;
  }
}
