package io.spectrumflow.workflows.pipeline;

/** What a batch does to the partitions it writes. */
public enum WriteMode {
  /** The batch's objects are added beside what the partitions hold. */
  APPEND,
  /**
   * The batch's objects replace each partition's contents: written to a new version folder, the
   * Glue partition switched to it in one call, the old version removed after a grace period.
   */
  REPLACE_PARTITIONS
}
