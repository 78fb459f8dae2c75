package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.Locale;

/**
 * The message for a batch column whose type the existing table cannot take: where one of the
 * offending values is, the table's type, the batch's type and what to do.
 */
final class TableTypeConflict {

  private TableTypeConflict() {}

  static BadInputException of(BatchColumn column, TableColumn table, TableColumnType tableType) {
    String name = column.name();
    String batchType = glueName(column.type());
    if (column.declared()) {
      return BadInput.inBatch()
          .field(name, null)
          .problem(
              "the pipeline's schema declares column "
                  + name
                  + " as "
                  + batchType
                  + " but the existing table has it as "
                  + table.glueType()
                  + cannotWrite(tableType),
              "Change the column's type in the pipeline's schema to one the table takes, or"
                  + " declare the column as string in a new table; the table keeps its type.");
    }
    ValueSample sample = offendingSample(column, tableType);
    String fix =
        tableType == TableColumnType.OTHER
            ? "Leave the field out of the records (or null), or declare the column in a new table;"
                + " the table keeps its type."
            : "Fix the records so that "
                + name
                + " holds "
                + table.glueType()
                + " values, or declare the column as string in a new table; the table keeps"
                + " its type.";
    return BadInput.at(sample.file(), sample.record(), sample.line())
        .field(sample.field(), name)
        .problem(
            "the existing table has column "
                + name
                + " as "
                + table.glueType()
                + cannotWrite(tableType)
                + ", but this batch's values make it "
                + batchType
                + ", e.g. "
                + sample.shown()
                + " here",
            fix);
  }

  /**
   * The first sample whose own kind the table would not take: for a column mixing types, the value
   * that does not fit rather than one that does.
   */
  private static ValueSample offendingSample(BatchColumn column, TableColumnType tableType) {
    for (ValueSample sample : column.samples()) {
      if (tableType.writtenFor(sample.kind().columnType()) == null) {
        return sample;
      }
    }
    // An inferred column with values has a sample: its first value changed it from NULL.
    return column.samples().get(column.samples().size() - 1);
  }

  private static String cannotWrite(TableColumnType tableType) {
    return tableType == TableColumnType.OTHER ? " (a type the dump cannot write)" : "";
  }

  private static String glueName(ColumnType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
