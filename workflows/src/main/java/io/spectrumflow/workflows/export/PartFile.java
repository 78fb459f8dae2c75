package io.spectrumflow.workflows.export;

/**
 * One Parquet file written by the dump, still on the worker's disk.
 *
 * @param partitionValue the partition it belongs to, e.g. {@code 2026-11-24}
 * @param sequence its number within the batch's files of that partition, from 0
 * @param localPath where it is on the worker that wrote it
 * @param rows rows in it
 * @param bytes its size
 */
public record PartFile(
    String partitionValue, int sequence, String localPath, long rows, long bytes) {}
