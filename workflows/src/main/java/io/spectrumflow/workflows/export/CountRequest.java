package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import java.util.List;

/**
 * Count the rows Redshift sees in a batch's objects.
 *
 * @param redshift the Redshift target
 * @param table the external table
 * @param partitionColumn the partition column
 * @param partitionValues the batch's partitions
 * @param objectUris the batch's objects, {@code s3://bucket/key}; only their rows are counted
 */
public record CountRequest(
    RedshiftSpec redshift,
    String table,
    String partitionColumn,
    List<String> partitionValues,
    List<String> objectUris) {}
