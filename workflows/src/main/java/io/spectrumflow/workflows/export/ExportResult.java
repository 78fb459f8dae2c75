package io.spectrumflow.workflows.export;

import java.util.List;

/**
 * What a finished run did.
 *
 * @param batchId the batch
 * @param pipeline the pipeline's name
 * @param rowsWritten rows written to Parquet
 * @param rowsVerified rows Redshift counted in the batch's objects; equal to rowsWritten
 * @param files objects written
 * @param bytes bytes written
 * @param s3Keys the objects, as {@code s3://bucket/key}
 * @param partitions the partition values written to
 * @param glueDatabase the Glue database
 * @param glueTable the Glue table
 * @param ddl the DDL applied in Redshift
 * @param steps each step's duration, in order
 */
public record ExportResult(
    String batchId,
    String pipeline,
    long rowsWritten,
    long rowsVerified,
    int files,
    long bytes,
    List<String> s3Keys,
    List<String> partitions,
    String glueDatabase,
    String glueTable,
    String ddl,
    List<StepTiming> steps) {}
