package io.spectrumflow.workflows.pipeline;

/**
 * How Parquet files are written.
 *
 * @param compression the codec
 * @param targetFileBytes a file is closed and the next one started once it reaches this size
 * @param rowGroupBytes the row group size; also what one open file may buffer in memory
 * @param timestampEncoding how timestamp columns are stored
 */
public record ParquetSpec(
    Compression compression,
    long targetFileBytes,
    long rowGroupBytes,
    TimestampEncoding timestampEncoding) {}
