package io.spectrumflow.local.temporal.schedule;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;

/** Reads how a run closed, and which run carries its workflow on, from its close event. */
final class CloseEvents {

  private CloseEvents() {}

  static RunOutcome outcome(HistoryEvent event) {
    return switch (event.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED ->
          new RunOutcome(
              WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
              event.getWorkflowExecutionCompletedEventAttributes().getNewExecutionRunId());
      case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED ->
          new RunOutcome(
              WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED,
              event.getWorkflowExecutionFailedEventAttributes().getNewExecutionRunId());
      case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT ->
          new RunOutcome(
              WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT,
              event.getWorkflowExecutionTimedOutEventAttributes().getNewExecutionRunId());
      case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
          new RunOutcome(
              WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
              event.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId());
      case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED ->
          new RunOutcome(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED, "");
      case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED ->
          new RunOutcome(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, "");
      default -> RunOutcome.STILL_RUNNING;
    };
  }
}
