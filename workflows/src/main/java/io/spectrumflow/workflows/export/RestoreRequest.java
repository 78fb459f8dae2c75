package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.Map;

/**
 * Switch partitions back to where they pointed before a replacing batch that then failed.
 *
 * @param pipeline the pipeline
 * @param locations partition value to the location to point at again
 */
public record RestoreRequest(PipelineSpec pipeline, Map<String, String> locations) {}
