package io.spectrumflow.starter.runs;

import io.spectrumflow.workflows.export.ExportRequest;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import java.util.Optional;

/**
 * The request a run was started with, from the first event of its history: which objects it
 * exports. It is what decides whether a submission is the same batch again.
 */
final class RunRequest {

  private final WorkflowClient client;

  RunRequest(WorkflowClient client) {
    this.client = client;
  }

  Optional<ExportRequest> of(String workflowId, String runId) {
    GetWorkflowExecutionHistoryRequest request =
        GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(
                WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId).build())
            .setMaximumPageSize(1)
            .build();
    var events =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .getWorkflowExecutionHistory(request)
            .getHistory()
            .getEventsList();
    if (events.isEmpty()) {
      return Optional.empty();
    }
    HistoryEvent first = events.get(0);
    if (!first.hasWorkflowExecutionStartedEventAttributes()
        || !first.getWorkflowExecutionStartedEventAttributes().hasInput()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(
                  0,
                  Optional.of(first.getWorkflowExecutionStartedEventAttributes().getInput()),
                  ExportRequest.class,
                  ExportRequest.class));
    } catch (RuntimeException notAnExport) {
      return Optional.empty();
    }
  }
}
