package io.spectrumflow.workflows.schedule;

import java.util.List;

/**
 * Objects staged for one batch.
 *
 * @param batchId the batch
 * @param inputs the objects, {@code s3://bucket/key}, in the order they are read
 */
public record StagedBatch(String batchId, List<String> inputs) {}
