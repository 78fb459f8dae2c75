package io.spectrumflow.starter.dashboard;

import io.spectrumflow.workflows.export.ExportProgress;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code progress} query of a run that has ended without a result, for the timings of the steps
 * it finished before it failed. A worker answers it by replaying the run's history; when none does
 * in time the dashboard goes without, so the call has a deadline of its own.
 */
final class ClosedRunProgress {

  /** {@link io.spectrumflow.workflows.export.ExportWorkflow#progress()}'s query name. */
  private static final String QUERY = "progress";

  private static final Duration DEADLINE = Duration.ofSeconds(3);

  private final WorkflowClient client;

  ClosedRunProgress(WorkflowClient client) {
    this.client = client;
  }

  Optional<ExportProgress> of(String workflowId, String runId) {
    QueryWorkflowRequest request =
        QueryWorkflowRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(
                WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId).build())
            .setQuery(WorkflowQuery.newBuilder().setQueryType(QUERY).build())
            .build();
    try {
      QueryWorkflowResponse response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
              .queryWorkflow(request);
      if (!response.hasQueryResult()) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(
                  0,
                  Optional.of(response.getQueryResult()),
                  ExportProgress.class,
                  ExportProgress.class));
    } catch (RuntimeException unanswered) {
      // No worker answered in time, or the run is not an export: the timeline shows the failed
      // step alone.
      return Optional.empty();
    }
  }
}
