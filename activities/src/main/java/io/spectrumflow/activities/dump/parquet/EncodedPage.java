package io.spectrumflow.activities.dump.parquet;

import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A compressed V1 data page waiting for its row group to be written.
 *
 * @param bytes definition levels and values, compressed
 * @param uncompressedSize their size before compression
 * @param rows values including nulls (for flat columns, one per row)
 * @param valuesEncoding PLAIN or PLAIN_DICTIONARY
 */
record EncodedPage(
    byte[] bytes, int uncompressedSize, int rows, Encoding valuesEncoding, Statistics<?> stats) {}
