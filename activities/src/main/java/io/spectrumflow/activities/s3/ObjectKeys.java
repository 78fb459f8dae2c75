package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The deterministic S3 keys of a batch's files. Keys are built only from validated parts (a batch
 * id, a yyyy-MM-dd partition value, a sequence number), so no input can steer a key elsewhere.
 */
public final class ObjectKeys {

  private static final DateTimeFormatter LEGACY_TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private final PipelineSpec pipeline;
  private final String batchId;
  private final String batchTime;

  public ObjectKeys(PipelineSpec pipeline, String batchId, String batchTime) {
    this.pipeline = pipeline;
    this.batchId = ExportWorkflowIds.requireValidBatchId(batchId);
    this.batchTime = batchTime;
  }

  /** The key prefix of this batch's objects in a partition, ending in a slash. */
  public String partitionPrefix(String partitionValue) {
    return PartitionPaths.dataPrefix(pipeline, partitionValue, batchId);
  }

  /** The key of the {@code sequence}th file of this batch in a partition. */
  public String key(String partitionValue, int sequence) {
    String name =
        layout() == KeyLayout.HIVE
            ? batchId + "-" + String.format("%05d", sequence)
            : LEGACY_TIME.format(Instant.parse(batchTime)) + (sequence == 0 ? "" : "-" + sequence);
    return partitionPrefix(partitionValue) + name + ".parquet";
  }

  /** Whether a key in a partition is one this batch could have written, under any sequence. */
  public boolean isBatchKey(String partitionValue, String key) {
    String prefix = partitionPrefix(partitionValue);
    if (!key.startsWith(prefix)) {
      return false;
    }
    String name = key.substring(prefix.length());
    String stem =
        layout() == KeyLayout.HIVE
            ? Pattern.quote(batchId) + "-\\d{5}"
            : Pattern.quote(LEGACY_TIME.format(Instant.parse(batchTime))) + "(-\\d+)?";
    return name.matches(stem + "\\.parquet");
  }

  private KeyLayout layout() {
    return PartitionPaths.layout(pipeline);
  }
}
