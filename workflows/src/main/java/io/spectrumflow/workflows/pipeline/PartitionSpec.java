package io.spectrumflow.workflows.pipeline;

/**
 * How records are split into date partitions.
 *
 * @param column the partition column in Glue and Redshift, e.g. {@code date}
 * @param field the record field whose timestamp gives the partition's UTC date; null to use the
 *     batch time for every record
 */
public record PartitionSpec(String column, String field) {}
