package io.spectrumflow.local.temporal.schedule;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.RequestCancelWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The scheduler's calls, made straight to the test server. */
final class SchedulerActivitiesImpl implements SchedulerActivities {

  /** How long one {@link #awaitClose} long-polls before answering RUNNING. */
  static final Duration WATCH_WINDOW = Duration.ofSeconds(20);

  private final WorkflowServiceBlockingStub backend;

  SchedulerActivitiesImpl(WorkflowServiceBlockingStub backend) {
    this.backend = backend;
  }

  @Override
  public StartOutcome startWorkflow(StartWorkflowExecutionRequest request) {
    try {
      return StartOutcome.started(
          backend
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .startWorkflowExecution(request)
              .getRunId());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.ALREADY_EXISTS
          || code == Status.Code.INVALID_ARGUMENT
          || code == Status.Code.FAILED_PRECONDITION) {
        return StartOutcome.refused(code + ": " + e.getStatus().getDescription());
      }
      throw e;
    }
  }

  @Override
  public RunOutcome awaitClose(String namespace, WorkflowExecution execution) {
    GetWorkflowExecutionHistoryResponse response;
    try {
      response =
          backend
              .withDeadlineAfter(WATCH_WINDOW.toMillis(), TimeUnit.MILLISECONDS)
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(execution)
                      .setWaitNewEvent(true)
                      .setHistoryEventFilterType(
                          HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
                      .build());
    } catch (StatusRuntimeException e) {
      return switch (e.getStatus().getCode()) {
        case DEADLINE_EXCEEDED -> RunOutcome.STILL_RUNNING;
        case NOT_FOUND ->
            new RunOutcome(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED, "");
        default -> throw e;
      };
    }
    List<HistoryEvent> events = response.getHistory().getEventsList();
    return events.isEmpty()
        ? RunOutcome.STILL_RUNNING
        : CloseEvents.outcome(events.get(events.size() - 1));
  }

  @Override
  public void cancelWorkflow(String namespace, WorkflowExecution execution) {
    ignoreGone(
        () ->
            backend
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .requestCancelWorkflowExecution(
                    RequestCancelWorkflowExecutionRequest.newBuilder()
                        .setNamespace(namespace)
                        .setWorkflowExecution(execution)
                        .setIdentity(ActionStarts.IDENTITY)
                        .setRequestId(UUID.randomUUID().toString())
                        .setReason("cancelled by schedule overlap policy")
                        .build()));
  }

  @Override
  public void terminateWorkflow(String namespace, WorkflowExecution execution, String reason) {
    ignoreGone(
        () ->
            backend
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .terminateWorkflowExecution(
                    TerminateWorkflowExecutionRequest.newBuilder()
                        .setNamespace(namespace)
                        .setWorkflowExecution(execution)
                        .setIdentity(ActionStarts.IDENTITY)
                        .setReason(reason)
                        .build()));
  }

  /** A run that is gone or already closed needs no cancelling. */
  private static void ignoreGone(Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code != Status.Code.NOT_FOUND && code != Status.Code.FAILED_PRECONDITION) {
        throw e;
      }
    }
  }
}
