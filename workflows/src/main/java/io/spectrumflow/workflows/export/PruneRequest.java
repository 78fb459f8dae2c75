package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * Remove the objects of partition versions a replacing batch switched away from.
 *
 * @param pipeline the pipeline
 * @param locations the replaced locations, {@code s3://bucket/prefix/}
 * @param keep locations that must not be touched: the ones the partitions point at now
 */
public record PruneRequest(PipelineSpec pipeline, List<String> locations, List<String> keep) {}
