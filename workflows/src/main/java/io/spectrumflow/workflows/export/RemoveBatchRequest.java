package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * Remove every object a batch wrote (or began to write) in its partitions.
 *
 * @param pipeline the pipeline
 * @param batchId the batch
 * @param batchTime the batch's time, which names legacy-layout objects
 * @param partitionValues the partitions the batch wrote to
 */
public record RemoveBatchRequest(
    PipelineSpec pipeline, String batchId, String batchTime, List<String> partitionValues) {}
