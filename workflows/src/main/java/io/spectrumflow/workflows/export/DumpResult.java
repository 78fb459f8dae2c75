package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import java.util.List;

/**
 * What the dump wrote.
 *
 * @param hostTaskQueue the task queue of the worker holding the files; the upload must run there
 * @param columns the table's columns as written (excluding the partition column)
 * @param files the files, in partition then sequence order
 * @param rows rows written
 * @param bytes bytes written
 */
public record DumpResult(
    String hostTaskQueue, List<ColumnSpec> columns, List<PartFile> files, long rows, long bytes) {}
