package io.spectrumflow.starter.api;

import java.util.List;

/**
 * The answer to a posted batch.
 *
 * @param workflowId the run's workflow id
 * @param runId the run's id
 * @param batchId the batch id
 * @param existing true when the batch had been submitted before and this is that run
 * @param inputs the staged inputs
 * @param link where to follow the run
 */
public record BatchAccepted(
    String workflowId,
    String runId,
    String batchId,
    boolean existing,
    List<String> inputs,
    String link) {}
