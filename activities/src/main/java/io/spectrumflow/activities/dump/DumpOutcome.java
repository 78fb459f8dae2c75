package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import java.util.List;

/**
 * What a dump wrote.
 *
 * @param columns the columns the files hold, with their types as written (after fitting an existing
 *     table's types), in order of first appearance; excluding the partition column and any all-null
 *     column left out for the table
 * @param files the Parquet files, ordered by partition value then sequence
 * @param rows rows written, the sum over the files
 * @param bytes bytes written, the sum over the files
 */
public record DumpOutcome(List<ColumnSpec> columns, List<PartFile> files, long rows, long bytes) {}
