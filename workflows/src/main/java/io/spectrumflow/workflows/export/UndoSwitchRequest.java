package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * Replace mode: take back the partition switches a failed run made, whether or not its catalog step
 * finished.
 *
 * @param pipeline the pipeline
 * @param batchId the batch whose version folders the run switched to
 * @param partitionValues the partitions the run wrote objects to
 */
public record UndoSwitchRequest(
    PipelineSpec pipeline, String batchId, List<String> partitionValues) {}
