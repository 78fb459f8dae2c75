package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;

/**
 * Run the pipeline's Glue crawler over its table's prefix and wait for it.
 *
 * @param pipeline the pipeline, in crawler mode
 */
public record CrawlRequest(PipelineSpec pipeline) {}
