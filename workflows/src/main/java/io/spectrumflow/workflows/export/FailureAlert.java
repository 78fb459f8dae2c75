package io.spectrumflow.workflows.export;

/**
 * A run that failed, as its pipeline's webhook is told.
 *
 * @param webhook the URL to POST to
 * @param pipeline the pipeline
 * @param batchId the batch
 * @param workflowId the run's workflow id
 * @param step the step that failed
 * @param message why, as the run's failure says it
 */
public record FailureAlert(
    String webhook,
    String pipeline,
    String batchId,
    String workflowId,
    String step,
    String message) {}
