package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * Dump staged input into Parquet files on the worker's disk.
 *
 * @param batchId the batch
 * @param pipeline the pipeline
 * @param inputs staged input objects, {@code s3://bucket/key}
 * @param batchTime ISO-8601 instant, never null here
 * @param chunk which chunk of a batch staged as many inputs this is; 0 for a batch in one piece.
 *     Its files are numbered from {@code chunk * }{@link #FILES_PER_CHUNK}, so chunks never write
 *     the same key.
 */
public record DumpRequest(
    String batchId, PipelineSpec pipeline, List<String> inputs, String batchTime, int chunk) {

  /** How many files one chunk may write per partition. */
  public static final int FILES_PER_CHUNK = 10_000;

  /** A batch in one piece. */
  public DumpRequest(String batchId, PipelineSpec pipeline, List<String> inputs, String batchTime) {
    this(batchId, pipeline, inputs, batchTime, 0);
  }
}
