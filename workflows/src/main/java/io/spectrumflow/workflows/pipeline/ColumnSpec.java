package io.spectrumflow.workflows.pipeline;

/** One column of a table: a name legal in Glue and Redshift, and its type. */
public record ColumnSpec(String name, ColumnType type) {}
