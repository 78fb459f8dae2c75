package io.spectrumflow.starter.api;

import java.util.List;

/**
 * A batch of objects already staged in S3, posted as {@code
 * application/vnd.spectrumflow.staged+json}.
 *
 * @param batchId the batch id; derived from the inputs when missing
 * @param inputs {@code s3://bucket/key} objects, read in this order
 */
public record StagedReference(String batchId, List<String> inputs) {}
