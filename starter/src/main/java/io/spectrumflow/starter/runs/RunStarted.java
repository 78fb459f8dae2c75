package io.spectrumflow.starter.runs;

/**
 * A run that was started, or found already there for the same batch.
 *
 * @param workflowId the run's workflow id, derived from pipeline and batch
 * @param runId the Temporal run id
 * @param existing true when the batch had already been submitted and this is that run
 */
public record RunStarted(String workflowId, String runId, boolean existing) {}
