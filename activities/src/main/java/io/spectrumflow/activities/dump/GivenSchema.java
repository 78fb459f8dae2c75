package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnNames;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pipeline's declared columns. A field maps to the column that names it as its field; or else to
 * the column of the same name, or else to the column its legal form names ({@code "Event Time"} to
 * {@code event_time}), among the columns that name no field; other fields are ignored, and
 * remembered for one log line.
 */
final class GivenSchema {

  private final List<ColumnSpec> columns;
  private final Map<String, Integer> columnsByName = new HashMap<>();
  private final Map<String, Integer> columnsByField = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> ignoredFields = new LinkedHashSet<>();
  private final FieldIndex index;

  /**
   * @throws IllegalArgumentException when the schema itself is not usable
   */
  GivenSchema(List<ColumnSpec> columns, String partitionColumn, String partitionField) {
    this.columns = List.copyOf(columns);
    for (int c = 0; c < columns.size(); c++) {
      ColumnSpec column = columns.get(c);
      String name = column.name();
      if (name == null || !ColumnNames.isLegal(name)) {
        throw new IllegalArgumentException(
            "The pipeline's schema has column name \""
                + name
                + "\", which Glue and Redshift do"
                + " not accept: use lowercase letters, digits and '_', not starting with a digit,"
                + " at most "
                + ColumnNames.MAX_LENGTH
                + " characters.");
      }
      if (column.type() == null) {
        throw new IllegalArgumentException(
            "The pipeline's schema gives column " + name + " no type.");
      }
      if (name.equals(partitionColumn)) {
        throw new IllegalArgumentException(
            "The pipeline's schema has a column named "
                + name
                + " like the partition column:"
                + " leave the partition column out of the schema.");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("The pipeline's schema has column " + name + " twice.");
      }
      if (column.field() == null) {
        columnsByName.put(name, c);
      } else if (column.field().isEmpty()) {
        throw new IllegalArgumentException(
            "The pipeline's schema gives column "
                + name
                + " an empty field: name the record field it is read from, or leave field out.");
      } else if (columnsByField.putIfAbsent(column.field(), c) != null) {
        throw new IllegalArgumentException(
            "The pipeline's schema reads field "
                + BadInput.quote(column.field())
                + " into two columns: give each column its own field.");
      }
    }
    this.index = new FieldIndex(this::columnFor, partitionField);
  }

  private int columnFor(String fieldName) {
    Integer column = columnsByField.get(fieldName);
    if (column == null) {
      column = columnsByName.get(fieldName);
    }
    if (column == null) {
      column = columnsByName.get(ColumnNames.sanitize(fieldName, 0));
    }
    if (column == null) {
      ignoredFields.add(fieldName);
      return FieldIndex.NO_COLUMN;
    }
    return column;
  }

  FieldIndex index() {
    return index;
  }

  /** The declared columns, in order (the field index's numbering). */
  List<BatchColumn> columns() {
    return columns.stream().map(c -> BatchColumn.declared(c.name(), c.type(), c.field())).toList();
  }

  /** The distinct fields seen that are not in the schema, in order of first appearance. */
  Set<String> ignoredFields() {
    return ignoredFields;
  }
}
