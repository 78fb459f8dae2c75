package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * Put a dump's files into S3.
 *
 * @param batchId the batch
 * @param pipeline the pipeline
 * @param batchTime ISO-8601 instant
 * @param files the dump's files
 * @param chunk the chunk they are of (see {@link DumpRequest#chunk()}); objects of other chunks of
 *     the batch are left alone
 */
public record UploadRequest(
    String batchId, PipelineSpec pipeline, String batchTime, List<PartFile> files, int chunk) {

  /** The upload of a batch in one piece. */
  public UploadRequest(
      String batchId, PipelineSpec pipeline, String batchTime, List<PartFile> files) {
    this(batchId, pipeline, batchTime, files, 0);
  }
}
