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
 */
public record DumpRequest(
    String batchId, PipelineSpec pipeline, List<String> inputs, String batchTime) {}
