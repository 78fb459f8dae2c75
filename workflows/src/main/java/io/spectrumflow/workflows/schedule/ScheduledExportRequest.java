package io.spectrumflow.workflows.schedule;

import io.spectrumflow.workflows.pipeline.PipelineSpec;

/**
 * What a pipeline's schedule runs: an export of everything staged since its last run.
 *
 * @param pipeline the pipeline
 * @param incoming where producers stage files, {@code s3://bucket/prefix/}
 * @param kept where exported batches are kept for backfills, {@code s3://bucket/prefix/}
 * @param maxInputs at most this many objects in one scheduled batch; the rest waits for the next
 */
public record ScheduledExportRequest(
    PipelineSpec pipeline, String incoming, String kept, int maxInputs) {}
