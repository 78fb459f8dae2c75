package io.spectrumflow.workflows.pipeline;

/**
 * Where a pipeline's Parquet objects go.
 *
 * @param bucket the S3 bucket
 * @param prefix key prefix without leading or trailing slash; may be empty
 * @param layout how partitions are named in keys
 */
public record StorageSpec(String bucket, String prefix, KeyLayout layout) {}
