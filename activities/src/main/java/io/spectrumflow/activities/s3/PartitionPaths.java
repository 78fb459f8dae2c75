package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.WriteMode;
import io.temporal.failure.ApplicationFailure;
import java.util.regex.Pattern;

/** Where a partition's objects live: {@code date=2026-11-24/} (Hive) or {@code 2026-11-24/}. */
public final class PartitionPaths {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private PartitionPaths() {}

  /** The partition's key prefix, ending in a slash. */
  public static String prefix(PipelineSpec pipeline, String partitionValue) {
    if (partitionValue == null || !DATE.matcher(partitionValue).matches()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "partition value '" + partitionValue + "' is not a yyyy-MM-dd date",
          ExportFailures.BAD_INPUT);
    }
    return pipeline.tablePrefix()
        + (layout(pipeline) == KeyLayout.HIVE
            ? pipeline.partition().column() + "=" + partitionValue
            : partitionValue)
        + "/";
  }

  /** The partition's S3 location, {@code s3://bucket/prefix/}. */
  public static String location(PipelineSpec pipeline, String partitionValue) {
    return "s3://" + pipeline.storage().bucket() + "/" + prefix(pipeline, partitionValue);
  }

  /**
   * Where a batch writes a partition's objects: the partition's folder, or in replace mode the
   * batch's own version folder in it ({@code date=2026-11-24/batch=<batch-id>/}), so that the
   * partition can be switched to the new objects in one catalog call.
   */
  public static String dataPrefix(PipelineSpec pipeline, String partitionValue, String batchId) {
    String prefix = prefix(pipeline, partitionValue);
    return replacing(pipeline)
        ? prefix + "batch=" + ExportWorkflowIds.requireValidBatchId(batchId) + "/"
        : prefix;
  }

  /** The S3 location of {@link #dataPrefix}, which the Glue partition points at. */
  public static String dataLocation(PipelineSpec pipeline, String partitionValue, String batchId) {
    return "s3://"
        + pipeline.storage().bucket()
        + "/"
        + dataPrefix(pipeline, partitionValue, batchId);
  }

  /** Whether batches replace their partitions rather than add to them. */
  public static boolean replacing(PipelineSpec pipeline) {
    return pipeline.storage().mode() == WriteMode.REPLACE_PARTITIONS;
  }

  static KeyLayout layout(PipelineSpec pipeline) {
    return pipeline.storage().layout() == null ? KeyLayout.HIVE : pipeline.storage().layout();
  }
}
