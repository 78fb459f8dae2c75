package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.DumpRequest;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
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

  /** The batch whose keys these are. */
  public String batchId() {
    return batchId;
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
    return sequenceOf(key.substring(prefix.length())) >= 0;
  }

  /**
   * Whether a key in a partition is one that a chunk of this batch writes (see {@link
   * DumpRequest#chunk()}): a retry of one chunk must not touch the objects of the others.
   */
  public boolean isChunkKey(String partitionValue, String key, int chunk) {
    String prefix = partitionPrefix(partitionValue);
    if (!key.startsWith(prefix)) {
      return false;
    }
    long sequence = sequenceOf(key.substring(prefix.length()));
    return sequence >= 0 && sequence / DumpRequest.FILES_PER_CHUNK == chunk;
  }

  /** The file's sequence number, if the name is one of this batch's; -1 otherwise. */
  private long sequenceOf(String name) {
    Matcher matcher =
        (layout() == KeyLayout.HIVE
                ? Pattern.compile(Pattern.quote(batchId) + "-(\\d{5,})\\.parquet")
                : Pattern.compile(
                    Pattern.quote(LEGACY_TIME.format(Instant.parse(batchTime)))
                        + "(?:-(\\d+))?\\.parquet"))
            .matcher(name);
    if (!matcher.matches()) {
      return -1;
    }
    return matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
  }

  private KeyLayout layout() {
    return PartitionPaths.layout(pipeline);
  }
}
