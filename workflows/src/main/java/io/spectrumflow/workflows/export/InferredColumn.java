package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnType;

/**
 * A column as one chunk of a batch's input shows it.
 *
 * @param name the column's legal name
 * @param type its type from this chunk's values
 * @param allNull whether every value in this chunk was null: the type then says nothing
 */
public record InferredColumn(String name, ColumnType type, boolean allNull) {}
