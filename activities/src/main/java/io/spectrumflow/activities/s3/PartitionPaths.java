package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
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

  static KeyLayout layout(PipelineSpec pipeline) {
    return pipeline.storage().layout() == null ? KeyLayout.HIVE : pipeline.storage().layout();
  }
}
