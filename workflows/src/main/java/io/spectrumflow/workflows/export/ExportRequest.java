package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * One batch to export.
 *
 * @param batchId names the run and the objects it writes: letters, digits, '.', '_' and '-'
 * @param pipeline what to do with it
 * @param inputs the staged input objects, as {@code s3://bucket/key} URIs, read in this order
 * @param batchTime when the batch was produced (ISO-8601 instant); the partition date of records
 *     when the pipeline has no partition field. Null means the time the run started.
 */
public record ExportRequest(
    String batchId, PipelineSpec pipeline, List<String> inputs, String batchTime) {}
