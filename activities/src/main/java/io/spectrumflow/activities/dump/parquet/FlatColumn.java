package io.spectrumflow.activities.dump.parquet;

/** A column of a flat table: its name in the file and its type. */
public record FlatColumn(String name, ParquetKind kind) {}
