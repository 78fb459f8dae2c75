package io.spectrumflow.workflows.slots;

/**
 * A run that holds or waits for one of its pipeline's run slots.
 *
 * @param workflowId the run's workflow id
 * @param runId the run's run id: a later run of the same workflow id is another holder
 */
public record SlotHolder(String workflowId, String runId) {}
