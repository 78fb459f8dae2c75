package io.spectrumflow.workflows.pipeline;

/**
 * One column of a table: a name legal in Glue and Redshift, its type, and optionally the record
 * field it is read from.
 *
 * @param field the field's name exactly as in the input (e.g. {@code "Event Time"}, or a field
 *     named like the partition column); null to read the field of the column's name, or else the
 *     field whose legal form is the column's name
 */
public record ColumnSpec(String name, ColumnType type, String field) {

  /** A column read from the field of its own name (or whose legal form is its name). */
  public ColumnSpec(String name, ColumnType type) {
    this(name, type, null);
  }
}
