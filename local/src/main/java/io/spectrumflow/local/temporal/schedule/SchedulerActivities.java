package io.spectrumflow.local.temporal.schedule;

import io.temporal.activity.ActivityInterface;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;

/** What the scheduler workflow asks of the server. */
@ActivityInterface(namePrefix = "Scheduler")
public interface SchedulerActivities {

  /**
   * Starts an action's workflow; a refusal (id in use, bad request) is an outcome, not an error.
   */
  StartOutcome startWorkflow(StartWorkflowExecutionRequest request);

  /** Waits a while for a run to close; answers RUNNING if it has not. */
  RunOutcome awaitClose(String namespace, WorkflowExecution execution);

  void cancelWorkflow(String namespace, WorkflowExecution execution);

  void terminateWorkflow(String namespace, WorkflowExecution execution, String reason);
}
