package io.spectrumflow.workflows.pipeline;

/**
 * Where a pipeline's Parquet objects go.
 *
 * @param bucket the S3 bucket
 * @param prefix key prefix without leading or trailing slash; may be empty
 * @param layout how partitions are named in keys
 * @param mode whether a batch adds to its partitions or replaces them
 * @param replaceGraceSeconds in replace mode, how long the replaced objects are kept after the
 *     switch, so that queries already reading them can finish
 */
public record StorageSpec(
    String bucket, String prefix, KeyLayout layout, WriteMode mode, long replaceGraceSeconds) {

  /** Append mode. */
  public StorageSpec(String bucket, String prefix, KeyLayout layout) {
    this(bucket, prefix, layout, WriteMode.APPEND, 0);
  }
}
