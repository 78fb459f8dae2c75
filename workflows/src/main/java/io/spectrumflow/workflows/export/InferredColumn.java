package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnType;

/**
 * A column as one chunk of a batch's input shows it.
 *
 * @param name the column's legal name in this chunk (chunks name clashing fields apart: the merged
 *     schema names them again)
 * @param type its type from this chunk's values
 * @param allNull whether every value in this chunk was null: the type then says nothing
 * @param field the record field it holds, as named in the input; null in histories from before
 *     fields were told, where the name stands for the field
 */
public record InferredColumn(String name, ColumnType type, boolean allNull, String field) {

  /** The field this column holds. */
  String fieldName() {
    return field != null ? field : name;
  }
}
