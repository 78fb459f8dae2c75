package io.spectrumflow.local.temporal.schedule;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;

/**
 * What a watched run did while it was watched.
 *
 * @param status RUNNING when it has not closed yet; the close status otherwise
 * @param nextRunId the run that carries on its workflow (continued as new, retried, cron), or empty
 */
public record RunOutcome(WorkflowExecutionStatus status, String nextRunId) {

  public static final RunOutcome STILL_RUNNING =
      new RunOutcome(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, "");

  // Not isX(): Jackson would write it as a property, which the reader then refuses.
  public boolean closed() {
    return status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }
}
