package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnType;

/**
 * A column as one chunk of a batch's input shows it.
 *
 * @param name the column's legal name in this chunk (chunks name clashing new fields apart: the
 *     merged schema names them again)
 * @param type its type from this chunk's values; null for a {@link InTable#ONLY_IN_TABLE} column
 * @param allNull whether every value in this chunk was null: the type then says nothing
 * @param field the record field it holds, as named in the input; null in histories from before
 *     fields were told, where the name stands for the field, and for a table column that records no
 *     field
 * @param table how the column stands to the existing table; null in histories from before the table
 *     was looked at, taken as {@link InTable#NEW}
 */
public record InferredColumn(
    String name, ColumnType type, boolean allNull, String field, InTable table) {

  /** How a chunk's column stands to the existing table. */
  public enum InTable {
    /** A field the table has no column for (or there is no table yet). */
    NEW,
    /** The table's column that holds this field: every chunk writes the field there. */
    HELD,
    /**
     * A table column that no field of this chunk lands in: only its name is told, so that no new
     * field takes it.
     */
    ONLY_IN_TABLE
  }

  /** A column of a chunk when no table is looked at. */
  public InferredColumn(String name, ColumnType type, boolean allNull, String field) {
    this(name, type, allNull, field, null);
  }

  /** The field this column holds. */
  String fieldName() {
    return field != null ? field : name;
  }

  InTable standing() {
    return table == null ? InTable.NEW : table;
  }
}
