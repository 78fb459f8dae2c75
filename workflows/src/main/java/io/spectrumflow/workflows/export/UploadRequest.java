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
 */
public record UploadRequest(
    String batchId, PipelineSpec pipeline, String batchTime, List<PartFile> files) {}
